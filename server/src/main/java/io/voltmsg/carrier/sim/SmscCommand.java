package io.voltmsg.carrier.sim;

import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code voltmsg smsc}: runs the SMSC simulator alone on 127.0.0.1 until the process is killed, so any SMPP
 * client can use it. Register it as a subcommand of the jar's main command.
 */
@Command(name = "smsc", mixinStandardHelpOptions = true,
        description = {"Run the embedded SMSC simulator on 127.0.0.1 until killed.",
                "Lines on standard input are commands: 'mo FROM TO TEXT' sends a mobile-originated message "
                        + "(E.164 numbers; a long TEXT travels as concatenated parts)."})
public class SmscCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "2775", description = "TCP port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--system-id", defaultValue = "voltmsg", description = "system_id clients must bind with. Default: ${DEFAULT-VALUE}")
    String systemId;

    @Option(names = "--password", defaultValue = "voltmsg", description = "password clients must bind with. Default: ${DEFAULT-VALUE}")
    String password;

    @Option(names = "--receipt-delay", defaultValue = "200ms", description = "Delay before delivery receipts, e.g. 200ms, 2s. Default: ${DEFAULT-VALUE}")
    String receiptDelay;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep pending receipts and inbound messages in DIR, so a restart loses none (default: in memory).")
    Path dataDir;

    @Option(names = "--submit-log", paramLabel = "FILE",
            description = "Append a line for every accepted submit_sm: time (ms), message id, from, to, part, text.")
    Path submitLog;

    @Option(names = "--deliver-log", paramLabel = "FILE",
            description = "Append a line for every deliver_sm the client acknowledged: time (ms), receipt|mo, from, to, part, text.")
    Path deliverLog;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SmscSimulator simulator;

    public SmscCommand() {
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration delay = DurationStyle.detectAndParse(receiptDelay);
        SmscSimulator sim = new SmscSimulator(new SimulatorProperties(true, port, systemId, password, delay),
                dataDir == null ? SmscJournal.none() : SmscJournal.in(dataDir),
                submitLog == null ? SmscLog.none() : SmscLog.appendingTo(submitLog),
                deliverLog == null ? SmscLog.none() : SmscLog.appendingTo(deliverLog));
        sim.start();
        simulator = sim;
        Thread commands = new Thread(() -> readCommands(sim), "smsc-commands");
        commands.setDaemon(true);
        commands.start();
        Thread hook = new Thread(this::stop, "smsc-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("SMSC simulator listening on 127.0.0.1:" + sim.port() + " (system_id " + systemId + ")");
        try {
            stopped.await();
        } finally {
            sim.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
        return 0;
    }

    private static void readCommands(SmscSimulator sim) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String answer = SmscCommands.run(line, sim);
                if (answer != null) {
                    System.out.println(answer);
                }
            }
        } catch (IOException e) {
            // standard input closed: nothing more to read
        }
    }

    /** Makes {@link #call()} return (used by tests and the shutdown hook). */
    public void stop() {
        stopped.countDown();
    }

    /** The port actually listened on once running, else -1. */
    public int port() {
        SmscSimulator sim = simulator;
        return sim == null ? -1 : sim.port();
    }
}
