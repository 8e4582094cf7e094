package io.voltmsg.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * voltmsg as a separate operating-system process (launched from the test class path, as
 * {@code java -jar voltmsg.jar} would run it), so tests can kill it for real.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final int port;
    private final File log;

    private ServerProcess(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a server with {@code properties} passed as command-line arguments and waits until it is healthy. It
     * listens on a port of its own choosing, read from its log: a port chosen here and handed over could be taken
     * by another process in between (it happened, under load).
     */
    public static ServerProcess start(Map<String, Object> properties, Path logDir, String name) throws IOException {
        List<String> command = VoltmsgJvm.command("512m");
        properties.forEach((key, value) -> {
            if (!key.equals("server.port")) {
                command.add("--" + key + "=" + value);
            }
        });
        command.add("--server.port=0");
        File log = logDir.resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        ServerProcess server = new ServerProcess(process, awaitPort(process, log, deadline), log);
        server.awaitHealthy(deadline);
        return server;
    }

    private static int awaitPort(Process process, File log, long deadline) throws IOException {
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log.toPath(), StandardCharsets.UTF_8));
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        process.destroyForcibly();
        throw new IllegalStateException("server did not listen within " + STARTUP + "; see " + log);
    }

    public int port() {
        return port;
    }

    public File log() {
        return log;
    }

    /** SIGKILL: no shutdown hooks, no lease release, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: graceful shutdown. */
    public void stop() throws InterruptedException {
        stopWithin(Duration.ofSeconds(60));
    }

    /**
     * SIGTERM, then SIGKILL if it has not exited within {@code limit}. Returns how long it took to exit, or null when
     * it had to be killed.
     */
    public Duration stopWithin(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(long deadline) {
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("server not healthy within " + STARTUP + "; see " + log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
