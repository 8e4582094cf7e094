package io.voltmsg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI run as a new user runs it, in an empty directory with no configuration: what it prints, its exit codes,
 * and that nothing but the server command ever creates a file.
 */
class CliUsageTest {

    record Result(int exitCode, String out, String err) {
    }

    @TempDir
    Path workDir;

    @TempDir
    Path logs;

    @Test
    void versionPrintsTheBuildVersionAndCreatesNothing() throws Exception {
        Result version = cli("--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out().strip()).matches("voltmsg \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(cli("-V").out()).isEqualTo(version.out());
        assertEmpty(workDir);
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorThatStartsNothing() throws Exception {
        for (String[] args : List.of(new String[] {"bogus"}, new String[] {"--bogus"}, new String[] {"org", "bogus"},
                new String[] {"token", "list", "--bogus"}, new String[] {"serve", "--port", "8080"},
                new String[] {"org"})) {
            Result result = cli(args);
            assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(2);
            assertThat(result.out()).as(String.join(" ", args)).isEmpty();
            assertThat(result.err()).as(String.join(" ", args)).startsWith("error: ").contains("Usage: voltmsg");
        }
        assertEmpty(workDir);
    }

    @Test
    void everyCommandAndSubcommandHasHelp() throws Exception {
        for (String command : List.of("", "org", "org create", "org list", "org rename", "org delete", "number",
                "number add", "number remove", "token", "token create", "token list", "token revoke", "signing",
                "signing rotate-rsa", "user", "user create", "user reset-password", "inbound", "smsc", "serve")) {
            List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
            args.add("--help");
            Result help = cli(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(command + ": " + help.err()).isZero();
            assertThat(help.out()).as(command).startsWith(("Usage: voltmsg " + command).strip());
        }
        assertThat(cli("--help").out()).contains("Exit codes:", "3   not there");
        assertEmpty(workDir);
    }

    @Test
    void withoutADatabaseTheCliSaysWhereItLookedAndCreatesNone() throws Exception {
        for (String[] args : List.of(new String[] {"org", "list"}, new String[] {"token", "list"},
                new String[] {"org", "create", "Acme"})) {
            Result result = cli(args);
            assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
            assertThat(result.err()).contains(workDir.toRealPath().resolve("data").resolve("voltmsg.mv.db").toString())
                    .contains("VOLTMSG_DATA_DIR").contains("never creates");
            assertThat(result.err().lines()).hasSize(1);
        }
        assertEmpty(workDir);
    }

    @Test
    void theServerStartsOnlyWithoutArgumentsServeOrProperties() {
        assertThat(VoltmsgCli.startsServer(new String[] {})).isTrue();
        assertThat(VoltmsgCli.startsServer(new String[] {"serve"})).isTrue();
        assertThat(VoltmsgCli.startsServer(new String[] {"--server.port=8081"})).isTrue();
        assertThat(VoltmsgCli.startsServer(new String[] {"--spring.datasource.hikari.maximumPoolSize=4",
                "--logging.level.io.voltmsg=DEBUG", "--voltmsg.webhooks.allowed-networks=127.0.0.0/8,::1/128"})).isTrue();
        assertThat(VoltmsgCli.startsServer(new String[] {"serve", "--voltmsg.data-dir=/x", "--spring.profiles.active=a"}))
                .isTrue();
        assertThat(VoltmsgCli.serverArguments(new String[] {"serve", "--server.port=1"})).containsExactly("--server.port=1");
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {"bogus"},
                new String[] {"--port=8080"}, new String[] {"--server.port"}, new String[] {"serve", "x"},
                new String[] {"--server.port=1", "org"}, new String[] {"org", "list"}, new String[] {"serve", "serve"})) {
            assertThat(VoltmsgCli.startsServer(args)).as(String.join(" ", args)).isFalse();
        }
    }

    private static void assertEmpty(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("files created in " + dir).isEmpty();
        }
    }

    /** A separate JVM in the empty working directory, with no voltmsg or datasource settings in its environment. */
    private Result cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.voltmsg.VoltmsgApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VOLTMSG_") || name.startsWith("SPRING_"));
        File err = logs.resolve("err-" + System.nanoTime()).toFile();
        builder.redirectError(err);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, Files.readString(err.toPath()));
    }
}
