package io.voltmsg.durability;

import io.voltmsg.shared.EmbeddedDatabase;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.PrivatePostgres;
import io.voltmsg.testing.ServerProcess;
import io.voltmsg.testing.SmscProcess;
import io.voltmsg.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A whole voltmsg installation for fault tests, every part a process of its own: the server (on H2 in its data
 * directory, or on a private PostgreSQL cluster that the test may stop), the standalone SMSC with its state on
 * disk, and a verifying receiver. Every part can be killed and started again.
 */
final class Installation implements AutoCloseable {

    enum Database { H2, POSTGRES }

    static final String TOKEN = "fault-test-token-0123456789abcdef";
    static final String NUMBER = "+15550100001";

    /**
     * What these tests shorten so that faults resolve within the test: retries every 1 to 5 s (ten of them, longer
     * together than the receiver's 20 s of 503s), webhook and message leases of 10 s (a killed server's work is
     * taken over soon; a message lease must exceed the SMPP response timeout plus 5 s), quick reconnects to the SMSC,
     * and no SMPP throughput limit.
     */
    static final Map<String, Object> SHORTENED = Map.ofEntries(
            Map.entry("voltmsg.delivery.retry-schedule", "1s,1s,2s,2s,3s,3s,5s,5s,5s,5s"),
            Map.entry("voltmsg.delivery.connect-timeout", "1s"),
            Map.entry("voltmsg.delivery.response-timeout", "2s"),
            Map.entry("voltmsg.delivery.lease", "10s"),
            Map.entry("voltmsg.delivery.poll-interval", "100ms"),
            Map.entry("voltmsg.messaging.lease", "10s"),
            Map.entry("voltmsg.messaging.poll-interval", "200ms"),
            Map.entry("voltmsg.messaging.receipt-timeout", "10m"),
            Map.entry("voltmsg.carrier.smpp.reconnect-initial-backoff", "200ms"),
            Map.entry("voltmsg.carrier.smpp.reconnect-max-backoff", "1s"),
            Map.entry("voltmsg.carrier.smpp.response-timeout", "3s"),
            Map.entry("voltmsg.carrier.smpp.throughput", "0"),
            Map.entry("voltmsg.carrier.smpp.reassembly-timeout", "120s"));

    final Database database;
    final Path dir;
    final FaultReceiver receiver;
    private final PrivatePostgres postgres;
    private final Map<String, Object> properties;
    private final String jdbcUrl;
    private final int smscPort;
    private final List<Path> serverLogs = new ArrayList<>();
    private volatile ServerProcess server;
    private volatile SmscProcess smsc;
    private int starts;
    private int smscStarts;

    private Installation(Database database, Path dir, PrivatePostgres postgres, Map<String, Object> properties,
                         String jdbcUrl, int smscPort) {
        this.database = database;
        this.dir = dir;
        this.postgres = postgres;
        this.properties = properties;
        this.jdbcUrl = jdbcUrl;
        this.smscPort = smscPort;
        this.receiver = new FaultReceiver();
    }

    static Installation start(Database database, Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, Object> properties = new LinkedHashMap<>(SHORTENED);
        PrivatePostgres postgres = null;
        String url;
        if (database == Database.POSTGRES) {
            postgres = PrivatePostgres.start();
            properties.putAll(postgres.newDatabase("voltmsg"));
            url = postgres.url("voltmsg");
        } else {
            url = EmbeddedDatabase.url(dir.resolve("data"));
            properties.put("voltmsg.signing.master-key", TestDatabase.TEST_MASTER_KEY);
        }
        int smscPort = ServerProcess.freePort();
        properties.put("voltmsg.data-dir", dir.resolve("data").toString());
        properties.put("voltmsg.bootstrap.token", TOKEN);
        properties.put("voltmsg.bootstrap.phone-number", NUMBER);
        properties.put("voltmsg.webhooks.allowed-networks", "127.0.0.0/8,::1/128");
        properties.put("voltmsg.carrier.simulator.enabled", "false");
        properties.put("voltmsg.carrier.smpp.host", "127.0.0.1");
        properties.put("voltmsg.carrier.smpp.port", Integer.toString(smscPort));
        Installation installation = new Installation(database, dir, postgres, properties, url, smscPort);
        installation.startSmsc();
        installation.startServer();
        installation.receiver.trust(GraphQl.get(installation.server.port(), "/id_rsa.pub"));
        return installation;
    }

    // ---------------------------------------------------------------- the server

    void startServer() throws IOException {
        String name = "server-" + (++starts);
        serverLogs.add(dir.resolve(name + ".log"));
        server = ServerProcess.start(properties, dir, name);
    }

    /** SIGKILL, then a new server on the same database. */
    void killAndRestartServer() throws Exception {
        server.kill();
        startServer();
    }

    /** SIGTERM; returns how long the server took to exit, or null when it had not within {@code limit}. */
    Duration terminateServer(Duration limit) throws InterruptedException {
        return server.stopWithin(limit);
    }

    /** The current server's API, or null between a kill and the restart. */
    GraphQl api() {
        ServerProcess current = server;
        return current == null || !current.isAlive() ? null : new GraphQl(current.port(), TOKEN);
    }

    int serverPort() {
        return server.port();
    }

    List<Path> serverLogs() {
        return List.copyOf(serverLogs);
    }

    // ---------------------------------------------------------------- the SMSC

    void startSmsc() throws IOException {
        smsc = SmscProcess.start(smscPort, dir, "smsc-" + (++smscStarts), "200ms");
    }

    void killAndRestartSmsc() throws Exception {
        smsc.kill();
        startSmsc();
    }

    /** Sends a mobile-originated message through the SMSC; false when it is not running. */
    boolean mo(String from, String text) {
        SmscProcess current = smsc;
        if (current == null || !current.isAlive()) {
            return false;
        }
        try {
            current.mo(from, NUMBER, text);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the database

    void stopDatabase() throws Exception {
        postgres.stopServer();
    }

    void startDatabase() throws Exception {
        postgres.startServer();
    }

    /** Direct access for checking invariants (H2 through the running server's AUTO_SERVER port). */
    JdbcClient jdbc() {
        // No pool: a connection per query, closed after it, so a database that restarts is simply reconnected.
        return JdbcClient.create(new DriverManagerDataSource(jdbcUrl, database == Database.H2 ? "sa" : "postgres", ""));
    }

    /**
     * For a test that failed: prints the end of every process's log and copies the whole directory (logs, SMSC
     * state, H2 file) to {@code target/durability-failures/}, since the test's own directory is deleted afterwards.
     */
    void keepForInspection() {
        Path kept = Path.of("target", "durability-failures", dir.getFileName().toString());
        try (var files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Path target = kept.resolve(dir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.println("the installation's files are kept in " + kept.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.out.println("could not keep " + dir + ": " + e);
        }
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("server-")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                System.out.println("----- last lines of " + log.getFileName() + " (" + lines.size() + " lines)");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("could not read the logs in " + dir + ": " + e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            receiver.close();
            if (server != null) {
                server.close();
            }
            if (smsc != null) {
                smsc.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
