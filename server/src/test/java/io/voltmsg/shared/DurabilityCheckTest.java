package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** H2 only (not tagged "database"): the embedded default writes commits at once, and a delayed URL is warned about. */
@ExtendWith(OutputCaptureExtension.class)
class DurabilityCheckTest {

    private static final String WARNING = "H2 writes commits to its file up to";

    @Test
    void theEmbeddedDefaultWritesEveryCommitAtOnceAndIsNotWarnedAbout(@TempDir Path dataDir, CapturedOutput output) {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.remove("spring.datasource.url");
        properties.remove("spring.datasource.username");
        properties.remove("spring.datasource.password");
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            assertThat(server.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(EmbeddedDatabase.url(dataDir));
            assertThat(writeDelays(server)).containsOnly(0);
            assertThat(EmbeddedDatabase.file(dataDir)).exists();
        }
        assertThat(output.getOut()).doesNotContain(WARNING);
    }

    @Test
    void anH2UrlThatDelaysWritesIsWarnedAboutAtStartUp(@TempDir Path dataDir, @TempDir Path h2, CapturedOutput output) {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        // What a user's own H2 URL without WRITE_DELAY=0 gets: H2's default delay of 500 ms.
        properties.put("spring.datasource.url", "jdbc:h2:file:" + h2.resolve("own") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            assertThat(writeDelays(server)).contains(500);
        }
        assertThat(output.getOut()).contains(WARNING + " 500 ms").contains(";WRITE_DELAY=0");
    }

    @Test
    void anyDelayedRowCounts() {
        assertThat(DurabilityCheck.delayedBy(List.of(0, 500))).isEqualTo(500);
        assertThat(DurabilityCheck.delayedBy(List.of(0, 0))).isZero();
        assertThat(DurabilityCheck.delayedBy(List.of())).isZero();
    }

    private static List<Integer> writeDelays(ConfigurableApplicationContext server) {
        return JdbcClient.create(server.getBean(DataSource.class))
                .sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
                .query(String.class).list().stream().map(Integer::valueOf).toList();
    }
}
