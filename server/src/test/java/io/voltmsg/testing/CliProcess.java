package io.voltmsg.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI as an operator runs it: a separate JVM (launched from the test class path, as
 * {@code java -jar voltmsg.jar} would run it) against the shared test database.
 */
public final class CliProcess {

    /** The exit code and what the command printed. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliProcess() {
    }

    public static Result run(Path dataDir, String... args) throws IOException, InterruptedException {
        TestDatabase db = TestDatabase.shared();
        List<String> command = VoltmsgJvm.command("256m", args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_DATASOURCE_URL", db.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", db.username());
        builder.environment().put("VOLTMSG_DATA_DIR", dataDir.toString());
        builder.environment().put("VOLTMSG_SIGNING_MASTER_KEY", TestDatabase.TEST_MASTER_KEY);
        File err = dataDir.resolve("err-" + System.nanoTime()).toFile();
        builder.redirectError(err);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish within 60 s: " + args[0]);
        }
        return new Result(process.exitValue(), out, Files.readString(err.toPath()));
    }
}
