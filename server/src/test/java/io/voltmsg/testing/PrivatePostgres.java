package io.voltmsg.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own (initdb + pg_ctl from {@code pg_config --bindir}, on a free loopback port,
 * its socket in its own directory), for tests that stop and start their database. The shared server on 5432 is
 * never touched. As root, the binaries run as the {@code postgres} user (initdb refuses root).
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final int port;
    private final Path log;

    private PrivatePostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.log = dir.resolve("postgres.log");
    }

    /** Why a private cluster cannot be made here, or null. */
    public static String unavailableReason() {
        try {
            Path bin = binDir();
            return Files.isExecutable(bin.resolve("initdb")) ? null : "no initdb in " + bin;
        } catch (IOException | RuntimeException e) {
            return "pg_config is not available: " + e.getMessage();
        }
    }

    /** Creates a cluster in a new temporary directory and starts it. */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("voltmsg-private-pg-");
        PrivatePostgres pg = new PrivatePostgres(dir, binDir(), ServerProcess.freePort());
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        pg.pg(List.of(pg.bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"));
        pg.startServer();
        return pg;
    }

    /** Starts the (stopped) server and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", log.toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir, "start"));
    }

    /** Stops the server at once (fast shutdown: clients are disconnected). */
    public void stopServer() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60", "-m", "fast",
                "stop"));
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database and returns the server properties that point voltmsg at it. */
    public Map<String, String> newDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            c.createStatement().execute("create database " + name);
        }
        return Map.of("spring.datasource.url", url(name), "spring.datasource.username", "postgres",
                "spring.datasource.password", "", "voltmsg.signing.master-key", TestDatabase.TEST_MASTER_KEY);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "immediate",
                    "stop"));
        } catch (IOException e) {
            // already stopped
        }
        run(List.of("rm", "-rf", dir.toString()), true);
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, false);
    }

    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            if (!quiet) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        }
    }

    private static Path binDir() throws IOException {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor() != 0) {
                throw new IOException(out);
            }
            return Path.of(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
