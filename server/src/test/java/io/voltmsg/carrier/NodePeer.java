package io.voltmsg.carrier;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A node script from testing/node run as a child process; every stdout line is kept. */
final class NodePeer implements AutoCloseable {

    private final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    private NodePeer(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process ended
            }
        }, "node-peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The testing/node directory, found by walking up from the working directory. Skips the test when the
     * npm packages are not installed, unless CI=true, where that is a failure.
     */
    static Path nodeDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("testing/node"))) {
            dir = dir.getParent();
        }
        Path nodeDir = dir == null ? null : dir.resolve("testing/node");
        boolean installed = nodeDir != null && Files.isDirectory(nodeDir.resolve("node_modules/smpp"));
        if (!installed) {
            String message = "npm package smpp not installed: run `npm ci` in testing/node";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.assumeTrue(false, message);
        }
        return nodeDir;
    }

    static NodePeer start(String script, String... args) throws IOException {
        Path dir = nodeDir();
        List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        return new NodePeer(p);
    }

    /** Waits (10 s) for a line starting with the prefix and returns the rest of it. */
    String awaitLine(String prefix) {
        await().atMost(Duration.ofSeconds(10)).until(() -> find(prefix).isPresent());
        return find(prefix).orElseThrow();
    }

    Optional<String> find(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim()).findFirst();
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
