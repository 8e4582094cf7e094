package io.voltmsg.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone SMSC simulator ({@code voltmsg smsc}) as a process of its own, as a real carrier would be: it can
 * be killed and restarted on the same port and data directory. Mobile-originated messages are sent by writing
 * {@code mo FROM TO TEXT} lines to its standard input.
 */
public final class SmscProcess implements AutoCloseable {

    private final Process process;
    private final OutputStream commands;
    private final int port;

    private SmscProcess(Process process, int port) {
        this.process = process;
        this.commands = process.getOutputStream();
        this.port = port;
    }

    /**
     * Starts it on {@code port} with its state in {@code dir} (data, submit log {@code submits.log}, deliver log
     * {@code delivers.log}, output {@code <name>.log}) and waits until it listens.
     */
    public static SmscProcess start(int port, Path dir, String name, String receiptDelay) throws IOException {
        List<String> command = VoltmsgJvm.command("128m", "smsc", "--port=" + port, "--data-dir=" + dir.resolve("smsc-data"),
                "--submit-log=" + submitLog(dir), "--deliver-log=" + deliverLog(dir), "--receipt-delay=" + receiptDelay);
        File output = dir.resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        SmscProcess smsc = new SmscProcess(process, port);
        smsc.awaitListening(output.toPath());
        return smsc;
    }

    public static Path submitLog(Path dir) {
        return dir.resolve("submits.log");
    }

    public static Path deliverLog(Path dir) {
        return dir.resolve("delivers.log");
    }

    public int port() {
        return port;
    }

    /** Sends a mobile-originated message (several PDUs when it is long). */
    public synchronized void mo(String from, String to, String text) {
        try {
            commands.write(("mo " + from + " " + to + " " + text + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the SMSC is not running", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: what it has not written to its data directory is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitListening(Path output) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the SMSC exited with " + process.exitValue() + "; see " + output);
            }
            if (Files.exists(output)) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(output),
                        StandardCharsets.UTF_8))) {
                    if (in.lines().anyMatch(line -> line.contains("SMSC simulator listening on 127.0.0.1:" + port))) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the SMSC did not listen within 60 s; see " + output);
    }
}
