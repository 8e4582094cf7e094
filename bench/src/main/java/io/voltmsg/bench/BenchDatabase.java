package io.voltmsg.bench;

import io.voltmsg.shared.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A database of its own for a JMH trial: H2 on a temporary file with the server's settings, or a new database on the
 * local PostgreSQL (127.0.0.1:5432, user postgres, database test reachable). {@link #drop} removes it.
 */
public final class BenchDatabase {

    private static final String POSTGRES_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String url;
    private final String username;
    private final Path h2Directory;
    private final String postgresName;

    private BenchDatabase(String url, String username, Path h2Directory, String postgresName) {
        this.url = url;
        this.username = username;
        this.h2Directory = h2Directory;
        this.postgresName = postgresName;
    }

    /** @param kind {@code h2} or {@code postgres}; {@code name} tells the trial's database apart */
    public static BenchDatabase create(String kind, String name) throws Exception {
        if ("postgres".equals(kind)) {
            String database = "voltmsg_bench_" + name + "_" + ProcessHandle.current().pid();
            try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN, "postgres", "");
                 Statement create = admin.createStatement()) {
                create.execute("drop database if exists " + database + " with (force)");
                create.execute("create database " + database);
            }
            return new BenchDatabase("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", null, database);
        }
        Path directory = Files.createTempDirectory("voltmsg-" + name + "-bench");
        return new BenchDatabase(EmbeddedDatabase.url(directory), "sa", directory, null);
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public Connection connect() throws Exception {
        return DriverManager.getConnection(url, username, "");
    }

    public void drop() throws Exception {
        if (postgresName != null) {
            try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN, "postgres", "");
                 Statement drop = admin.createStatement()) {
                drop.execute("drop database if exists " + postgresName + " with (force)");
            }
        }
        if (h2Directory != null) {
            try (var files = Files.walk(h2Directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
