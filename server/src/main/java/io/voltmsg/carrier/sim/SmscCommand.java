package io.voltmsg.carrier.sim;

import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code voltmsg smsc}: runs the SMSC simulator alone on 127.0.0.1 until the process is killed, so any SMPP
 * client can use it. Register it as a subcommand of the jar's main command.
 */
@Command(name = "smsc", mixinStandardHelpOptions = true,
        description = "Run the embedded SMSC simulator on 127.0.0.1 until killed.")
public class SmscCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "2775", description = "TCP port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--system-id", defaultValue = "voltmsg", description = "system_id clients must bind with. Default: ${DEFAULT-VALUE}")
    String systemId;

    @Option(names = "--password", defaultValue = "voltmsg", description = "password clients must bind with. Default: ${DEFAULT-VALUE}")
    String password;

    @Option(names = "--receipt-delay", defaultValue = "200ms", description = "Delay before delivery receipts, e.g. 200ms, 2s. Default: ${DEFAULT-VALUE}")
    String receiptDelay;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SmscSimulator simulator;

    public SmscCommand() {
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration delay = DurationStyle.detectAndParse(receiptDelay);
        SmscSimulator sim = new SmscSimulator(new SimulatorProperties(true, port, systemId, password, delay));
        sim.start();
        simulator = sim;
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
