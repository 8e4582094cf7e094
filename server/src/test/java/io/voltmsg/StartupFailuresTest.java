package io.voltmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.testing.VoltmsgJvm;
import io.voltmsg.testing.ServerProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration or environment problem at start: a non-zero exit, Spring Boot's short "APPLICATION FAILED TO
 * START" report with the cause and the fix, and no stack trace. The server runs as its own process, as an operator
 * runs it.
 */
class StartupFailuresTest {

    record Exit(int code, String output) {
    }

    @TempDir
    Path workDir;

    @Test
    void aShortBootstrapTokenStopsTheStartBeforeAnythingIsCreatedOrListenedOn() throws Exception {
        int port = ServerProcess.freePort();
        Exit exit = server(Map.of("VOLTMSG_BOOTSTRAP_TOKEN", "short"), "--server.port=" + port);
        assertFailedClearly(exit, "voltmsg.bootstrap.token (env VOLTMSG_BOOTSTRAP_TOKEN) must be at least 16 characters",
                "openssl rand -hex 24");
        try (Stream<Path> files = Files.list(workDir)) {
            assertThat(files).as("nothing created").isEmpty();
        }
    }

    @Test
    void anUnreachableDatabaseNamesTheUrl() throws Exception {
        Exit exit = server(Map.of(), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/voltmsg",
                "--spring.datasource.username=voltmsg", "--server.port=" + ServerProcess.freePort());
        assertFailedClearly(exit, "Cannot reach the database at jdbc:postgresql://127.0.0.1:1/voltmsg (spring.datasource.url)",
                "Check that the database is running");
    }

    @Test
    void anInvalidPropertyValueNamesTheProperty() throws Exception {
        Exit exit = server(Map.of(), "--voltmsg.api.max-list-items=lots", "--server.port=" + ServerProcess.freePort());
        assertFailedClearly(exit, "voltmsg.api.max-list-items", "lots");
    }

    @Test
    void aMalformedMasterKeySaysHowToMakeOne() throws Exception {
        Exit exit = server(Map.of("VOLTMSG_SIGNING_MASTER_KEY", "c2hvcnQ="), "--server.port=" + ServerProcess.freePort());
        assertFailedClearly(exit, "must be base64 of exactly 32 bytes (it has 5)", "openssl rand -base64 32");
    }

    /**
     * One installation through its life: a first start (owner-only data directory, no token in the banner when it was
     * configured), a second instance on the same ports, a wrong master key, and a changed bootstrap token.
     */
    @Test
    void portsInUseAWrongMasterKeyAndAnIgnoredBootstrapTokenAreReportedClearly() throws Exception {
        Path dataDir = workDir.resolve("data");
        int smscPort = ServerProcess.freePort();
        String token = "first-token-" + "x".repeat(20);
        try (ServerProcess first = ServerProcess.start(Map.of("voltmsg.data-dir", dataDir,
                "voltmsg.carrier.simulator.port", smscPort, "voltmsg.bootstrap.token", token), workDir, "first")) {
            // start-up tasks (the banner) may still run when the server already answers
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(first.log().toPath())
                    .contains("voltmsg first start"));
            String log = Files.readString(first.log().toPath());
            assertThat(log).contains("Data directory: " + dataDir.toAbsolutePath().normalize(),
                    "API token       : the value of voltmsg.bootstrap.token").doesNotContain(token)
                    .doesNotContain("This token is shown once");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            for (String file : List.of("master.key", "voltmsg.mv.db")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }

            Exit samePort = server(Map.of(), "--voltmsg.data-dir=" + workDir.resolve("other"),
                    "--server.port=" + first.port(), "--voltmsg.carrier.simulator.port=" + ServerProcess.freePort());
            assertFailedClearly(samePort, "The HTTP port " + first.port() + " is already in use (server.port)",
                    "--server.port=8081");

            Exit sameSmsc = server(Map.of(), "--voltmsg.data-dir=" + workDir.resolve("other2"),
                    "--server.port=" + ServerProcess.freePort(), "--voltmsg.carrier.simulator.port=" + smscPort);
            assertFailedClearly(sameSmsc, "cannot listen on 127.0.0.1:" + smscPort + " (voltmsg.carrier.simulator.port)",
                    "--voltmsg.carrier.simulator.port=2776");
            first.stop();
        }

        Exit wrongKey = server(Map.of("VOLTMSG_SIGNING_MASTER_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                "--voltmsg.data-dir=" + dataDir, "--server.port=" + ServerProcess.freePort(),
                "--voltmsg.carrier.simulator.port=" + ServerProcess.freePort());
        assertFailedClearly(wrongKey, "The master key cannot decrypt the stored signing keys",
                "Set voltmsg.signing.master-key to the key this database was created with");

        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerProcess again = ServerProcess.start(Map.of("voltmsg.data-dir", dataDir,
                "voltmsg.carrier.simulator.port", ServerProcess.freePort(),
                "voltmsg.bootstrap.token", "another-token-" + "y".repeat(20)), workDir, "again")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(again.log().toPath())
                    .contains("VOLTMSG_BOOTSTRAP_TOKEN) is ignored"));
            String log = Files.readString(again.log().toPath());
            assertThat(log).contains("voltmsg.bootstrap.token (VOLTMSG_BOOTSTRAP_TOKEN) is ignored",
                    "token create --org <org id> --scopes all");
            assertThat(log).contains(dataDir.toAbsolutePath().normalize() + " is rwxr-xr-x: other users may read",
                    "chmod 700 " + dataDir.toAbsolutePath().normalize());
            assertThat(log).doesNotContain("voltmsg first start");
            again.stop();
        }
    }

    static void assertFailedClearly(Exit exit, String description, String action) {
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("APPLICATION FAILED TO START").contains(description).contains(action);
        assertThat(exit.output()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
    }

    /** The server in the empty working directory with only these arguments and environment; waits for it to exit. */
    private Exit server(Map<String, String> env, String... args) throws Exception {
        List<String> command = VoltmsgJvm.command("512m", args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VOLTMSG_") || name.startsWith("SPRING_"));
        builder.environment().putAll(env);
        File output = Files.createTempFile("voltmsg-start-", ".log").toFile();
        output.deleteOnExit();
        Process process = builder.redirectOutput(output).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop: " + Files.readString(output.toPath()));
        }
        return new Exit(process.exitValue(), Files.readString(output.toPath()));
    }
}
