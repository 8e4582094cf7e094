package io.voltmsg.carrier;

import io.voltmsg.carrier.sim.SimulatorProperties;
import io.voltmsg.carrier.sim.SmscCommand;
import io.voltmsg.carrier.smpp.SmppProperties;
import io.voltmsg.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import picocli.CommandLine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Spring wiring: defaults, simulator-first startup, the standalone smsc command (parts wait in a real database). */
class CarrierConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(MigratedDatabase.Beans.class, CarrierConfiguration.class);

    /** The application class has @ConfigurationPropertiesScan; the records must not be registered twice. */
    @org.springframework.context.annotation.Configuration
    @org.springframework.boot.context.properties.ConfigurationPropertiesScan("io.voltmsg.carrier")
    static class ScanningApp {
    }

    @Test
    void coexistsWithConfigurationPropertiesScan() {
        runner.withUserConfiguration(ScanningApp.class)
                .withPropertyValues("voltmsg.carrier.simulator.port=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(SmppProperties.class).hasSingleBean(SimulatorProperties.class);
                    await().atMost(WAIT).until(() -> context.getBean(CarrierGateway.class).isBound());
                });
    }

    @Test
    void defaultsAreDocumentedValues() {
        runner.withPropertyValues("voltmsg.carrier.simulator.enabled=false", "voltmsg.carrier.smpp.port=1")
                .run(context -> {
                    SmppProperties smpp = context.getBean(SmppProperties.class);
                    assertThat(smpp.host()).isEqualTo("127.0.0.1");
                    assertThat(smpp.systemId()).isEqualTo("voltmsg");
                    assertThat(smpp.password()).isEqualTo("voltmsg");
                    assertThat(smpp.systemType()).isEmpty();
                    assertThat(smpp.window()).isEqualTo(10);
                    assertThat(smpp.throughput()).isEqualTo(50);
                    assertThat(smpp.enquireLinkInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(smpp.reconnectInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(smpp.reconnectMaxBackoff()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(smpp.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(smpp.reassemblyTimeout()).isEqualTo(Duration.ofSeconds(60));
                    SimulatorProperties sim = context.getBean(SimulatorProperties.class);
                    assertThat(sim.enabled()).isFalse();
                    assertThat(sim.port()).isEqualTo(2775);
                    assertThat(sim.receiptDelay()).isEqualTo(Duration.ofMillis(200));
                    assertThat(context).doesNotHaveBean(CarrierSimulator.class);
                    assertThat(context.getBean(CarrierGateway.class).isBound()).isFalse();
                });
    }

    @Test
    void simulatorOnByDefaultAndTheClientFindsItsActualPort() {
        runner.withPropertyValues("voltmsg.carrier.simulator.port=0", "voltmsg.carrier.simulator.receipt-delay=20ms",
                        "voltmsg.carrier.smpp.host=192.0.2.1", "voltmsg.carrier.smpp.port=9") // ignored: simulator wins
                .withBean(RecordingListener.class)
                .run(context -> {
                    CarrierGateway gateway = context.getBean(CarrierGateway.class);
                    CarrierSimulator simulator = context.getBean(CarrierSimulator.class);
                    RecordingListener listener = context.getBean(RecordingListener.class);
                    assertThat(simulator.port()).isPositive();
                    await().atMost(WAIT).until(gateway::isBound);
                    await().atMost(WAIT).until(() -> listener.bound.get() == 1);

                    var accepted = (SubmitOutcome.Accepted) gateway.submit(
                            new OutboundSms("r", "+15551230000", "+15557654321", "wired")).get(10, TimeUnit.SECONDS);
                    await().atMost(WAIT).until(() -> !listener.receiptsFor(accepted.carrierMessageIds().get(0)).isEmpty());

                    simulator.injectInbound("+15559876543", "+15551230000", "STOP");
                    await().atMost(WAIT).until(() -> listener.inbound.size() == 1);
                    assertThat(listener.inbound.get(0).text()).isEqualTo("STOP");
                });
    }

    @Test
    void appWithoutAListenerStillRunsAndAcknowledges() {
        runner.withPropertyValues("voltmsg.carrier.simulator.port=0", "voltmsg.carrier.simulator.receipt-delay=10ms")
                .run(context -> {
                    CarrierGateway gateway = context.getBean(CarrierGateway.class);
                    await().atMost(WAIT).until(gateway::isBound);
                    assertThat(gateway.submit(new OutboundSms("r", "+15551230000", "+15557654321", "nobody listens"))
                            .get(10, TimeUnit.SECONDS)).isInstanceOf(SubmitOutcome.Accepted.class);
                    CarrierSimulator simulator = context.getBean(CarrierSimulator.class);
                    simulator.injectInbound("+15559876543", "+15551230000", "hello?");
                    var sim = context.getBean(io.voltmsg.carrier.sim.SmscSimulator.class);
                    await().atMost(WAIT).until(() -> sim.heldDeliveries() == 0);
                });
    }

    @Test
    void standaloneSmscCommandServesAClientConfiguredByHostAndPort() throws Exception {
        SmscCommand command = new SmscCommand();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread smsc = new Thread(() -> exitCode.set(new CommandLine(command)
                .execute("--port", "0", "--receipt-delay", "50ms", "--system-id", "alone", "--password", "secret")));
        smsc.start();
        try {
            await().atMost(WAIT).until(() -> command.port() > 0);
            runner.withPropertyValues("voltmsg.carrier.simulator.enabled=false",
                            "voltmsg.carrier.smpp.host=127.0.0.1", "voltmsg.carrier.smpp.port=" + command.port(),
                            "voltmsg.carrier.smpp.system-id=alone", "voltmsg.carrier.smpp.password=secret")
                    .withBean(RecordingListener.class)
                    .run(context -> {
                        CarrierGateway gateway = context.getBean(CarrierGateway.class);
                        RecordingListener listener = context.getBean(RecordingListener.class);
                        await().atMost(WAIT).until(gateway::isBound);
                        var outcome = gateway.submit(new OutboundSms("r", "+15551230000", "+15005550001", "undeliverable"))
                                .get(10, TimeUnit.SECONDS);
                        String id = ((SubmitOutcome.Accepted) outcome).carrierMessageIds().get(0);
                        await().atMost(WAIT).until(() -> !listener.receiptsFor(id).isEmpty());
                        assertThat(listener.receiptsFor(id).get(0).stat()).isEqualTo(DeliveryReceipt.Stat.UNDELIV);
                    });
        } finally {
            command.stop();
            smsc.join(10_000);
        }
        assertThat(exitCode.get()).isZero();
    }
}
