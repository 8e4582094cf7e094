package io.voltmsg.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a script with node in {@code testing/node}, where the independent peers
 * ({@code standardwebhooks} 1.1.1, ...) are installed. Without node_modules the calling test is
 * skipped with a plain message, except on CI ({@code CI=true}), where it fails.
 */
public final class Node {

    private Node() {
    }

    public static Path directory() {
        Path dir = RepoFiles.root().resolve("testing/node");
        if (!Files.isDirectory(dir.resolve("node_modules/standardwebhooks"))) {
            String message = "testing/node/node_modules is missing: run `npm ci` in testing/node to verify with the "
                    + "reference Standard Webhooks library";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    /** Runs {@code script} (CommonJS) with {@code args} (process.argv[2...]); returns stdout, fails on a non-zero exit. */
    public static String run(String script, String... args) {
        Path dir = directory();
        try {
            Path file = Files.createTempFile(dir, ".voltmsg-test-", ".cjs");
            try {
                Files.writeString(file, script);
                List<String> command = new ArrayList<>(List.of("node", file.toString()));
                command.addAll(List.of(args));
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError("node failed: " + output);
                }
                return output.strip();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
