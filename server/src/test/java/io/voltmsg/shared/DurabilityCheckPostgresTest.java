package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** PostgreSQL that acknowledges commits before they are on disk is warned about at start-up (PostgreSQL run only). */
@Tag("database")
@ExtendWith({DatabaseAvailable.class, OutputCaptureExtension.class})
class DurabilityCheckPostgresTest {

    private static final String WARNING = "PostgreSQL runs with synchronous_commit=off";

    @Test
    void synchronousCommitOffIsWarnedAbout(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "a PostgreSQL setting");
        TestDatabase database = TestDatabase.fresh();
        try (ConfigurableApplicationContext ignored = Servers.start(Servers.properties(database, dataDir))) {
            assertThat(output.getOut()).doesNotContain(WARNING); // PostgreSQL's default
        }
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(database.url(), database.username(), "")) {
            admin.createStatement().execute("alter database " + name + " set synchronous_commit = off");
        }
        try (ConfigurableApplicationContext ignored = Servers.start(Servers.properties(database, dataDir))) {
            assertThat(output.getOut()).contains(WARNING);
        }
    }
}
