package io.voltmsg.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** What differs between the two databases voltmsg runs on, H2 (embedded default) and PostgreSQL. */
public final class Databases {

    private Databases() {
    }

    /**
     * Where the Flyway migrations for this database are: the shared ones and those only it can
     * run. The server gets the same from {@code spring.flyway.locations} ({@code {vendor}}).
     */
    public static String[] migrationLocations(DataSource dataSource) {
        return new String[] {"classpath:db/migration",
                "classpath:db/vendor/" + (isPostgres(dataSource) ? "postgresql" : "h2")};
    }

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}
