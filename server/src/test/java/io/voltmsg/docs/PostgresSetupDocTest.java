package io.voltmsg.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voltmsg.docs.MarkdownBlocks.Block;
import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.RepoFiles;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL set-up of docs/operations.md (its {@code config sql} block) runs on the PostgreSQL server of the test
 * run, under names of its own, and gives a user that can log in and create tables in its database.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class PostgresSetupDocTest {

    @Test
    void theDocumentedSetupMakesAUserOwningItsDatabase() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "runs in the PostgreSQL execution");
        Block block = MarkdownBlocks.parse(Files.readString(OperationsDocTest.DOC)).stream()
                .filter(b -> b.marker().equals("config sql")).findFirst().orElseThrow();
        String name = "voltmsg_doc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String sql = block.code().replaceAll("\\bvoltmsg\\b", name);
        assertThat(sql).as("the block names its role and database voltmsg").contains("ROLE " + name, "DATABASE " + name);
        try {
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    admin(statement);
                }
            }
            String url = TestDatabase.POSTGRES_ADMIN_URL.substring(0, TestDatabase.POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + name;
            try (Connection connection = DriverManager.getConnection(url, name, "change-me");
                 Statement statement = connection.createStatement()) {
                statement.execute("create table migrations_can_create_tables (id int)");
                var owner = statement.executeQuery("select pg_catalog.pg_get_userbyid(datdba) from pg_database where datname = current_database()");
                owner.next();
                assertThat(owner.getString(1)).isEqualTo(name);
            }
        } finally {
            admin("drop database if exists " + name + " with (force)");
            admin("drop role if exists " + name);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES_ADMIN_URL, TestDatabase.POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
