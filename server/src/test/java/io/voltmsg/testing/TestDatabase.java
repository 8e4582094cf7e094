package io.voltmsg.testing;

import io.voltmsg.shared.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The database a test run uses: H2 (default) or PostgreSQL ({@code -Dvoltmsg.test.db=postgres}).
 * Each database is created for this JVM and dropped when it exits, so runs never see each
 * other's data and the long-lived PostgreSQL server keeps nothing.
 */
public final class TestDatabase {

    public static final String KIND = System.getProperty("voltmsg.test.db", "h2");
    public static final String POSTGRES_ADMIN_URL = System.getProperty("voltmsg.test.postgres-url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("voltmsg.test.postgres-user", "postgres");
    /** A fixed master key for tests; never used outside them. */
    public static final String TEST_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

    private static TestDatabase shared;

    private final String url;
    private final String username;

    private TestDatabase(String url, String username) {
        this.url = url;
        this.username = username;
    }

    public static boolean isPostgres() {
        return KIND.equals("postgres");
    }

    /** Why the configured database cannot be used, or null when it can. */
    public static String unavailableReason() {
        if (!isPostgres()) {
            return null;
        }
        try (Connection ignored = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "")) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + POSTGRES_ADMIN_URL + " is unreachable (" + e.getMessage() + ")";
        }
    }

    /** The database shared by every Spring context of this run. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = fresh();
        }
        return shared;
    }

    /** A new empty database of the configured kind, dropped at JVM exit. */
    public static TestDatabase fresh() {
        return isPostgres() ? freshPostgres() : freshH2();
    }

    private static TestDatabase freshH2() {
        try {
            Path dir = Files.createTempDirectory("voltmsg-test-h2-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return new TestDatabase(EmbeddedDatabase.url(dir), "sa");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDatabase freshPostgres() {
        String name = "voltmsg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("drop database if exists " + name + " with (force)");
            } catch (RuntimeException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        }));
        String url = POSTGRES_ADMIN_URL.substring(0, POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new TestDatabase(url, POSTGRES_USER);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    /** Spring properties that point the application at this database. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", username);
        properties.put("spring.datasource.password", "");
        properties.put("voltmsg.signing.master-key", TEST_MASTER_KEY);
        return properties;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
