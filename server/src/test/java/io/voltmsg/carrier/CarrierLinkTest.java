package io.voltmsg.carrier;

import io.voltmsg.carrier.DeliveryReceipt.Stat;
import io.voltmsg.carrier.sim.SimulatorProperties;
import io.voltmsg.carrier.sim.SmscSimulator;
import io.voltmsg.carrier.smpp.SmppClient;
import io.voltmsg.carrier.smpp.SmppProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Our SMPP client against our simulator, over real TCP on 127.0.0.1. */
class CarrierLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingListener listener = new RecordingListener();
    private SmscSimulator simulator;
    private SmppClient client;

    @BeforeEach
    void start() {
        simulator = new SmscSimulator(SimulatorProperties.defaults(0).withReceiptDelay(Duration.ofMillis(50)));
        simulator.start();
        client = newClient(SmppProperties.defaults("127.0.0.1", 0).withThroughput(0));
        client.start();
        await().atMost(WAIT).until(client::isBound);
        await().atMost(WAIT).until(() -> listener.bound.get() == 1);
    }

    private SmppClient newClient(SmppProperties props) {
        return new SmppClient(props, () -> new InetSocketAddress("127.0.0.1", simulator.port()), () -> listener);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    private static SubmitOutcome submit(SmppClient client, String to, String text) throws Exception {
        return client.submit(new OutboundSms("ref", "+15551230000", to, text)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void normalNumberIsAcceptedThenDelivered() throws Exception {
        SubmitOutcome outcome = submit(client, "+15557654321", "Hello there");
        assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
        SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) outcome;
        assertThat(accepted.segments()).isEqualTo(1);
        assertThat(accepted.carrierMessageIds()).hasSize(1);
        String id = accepted.carrierMessageIds().get(0);
        await().atMost(WAIT).until(() -> !listener.receiptsFor(id).isEmpty());
        DeliveryReceipt receipt = listener.receiptsFor(id).get(0);
        assertThat(receipt.stat()).isEqualTo(Stat.DELIVRD);
        assertThat(receipt.err()).isEqualTo("000");
        assertThat(receipt.text()).isEqualTo("Hello there");
        assertThat(receipt.doneDate()).isNotNull();
    }

    @Test
    void magicNumbers() throws Exception {
        SubmitOutcome undeliv = submit(client, "+15005550001", "x");
        SubmitOutcome refused = submit(client, "+15005550002", "x");
        SubmitOutcome silent = submit(client, "+15005550003", "x");

        assertThat(refused).isEqualTo(new SubmitOutcome.Refused(0x45,
                "carrier refused segment 1/1 with status 0x45"));
        String undelivId = ((SubmitOutcome.Accepted) undeliv).carrierMessageIds().get(0);
        String silentId = ((SubmitOutcome.Accepted) silent).carrierMessageIds().get(0);
        await().atMost(WAIT).until(() -> !listener.receiptsFor(undelivId).isEmpty());
        assertThat(listener.receiptsFor(undelivId).get(0).stat()).isEqualTo(Stat.UNDELIV);

        // a normal submit after the silent one: once its receipt came, the silent one's would have too
        String later = ((SubmitOutcome.Accepted) submit(client, "+15557654321", "later")).carrierMessageIds().get(0);
        await().atMost(WAIT).until(() -> !listener.receiptsFor(later).isEmpty());
        assertThat(listener.receiptsFor(silentId)).isEmpty();
    }

    @Test
    void longMessagesTravelInSegmentsEachWithAReceipt() throws Exception {
        var gsm = (SubmitOutcome.Accepted) submit(client, "+15557654321", "g".repeat(400));
        var ucs2 = (SubmitOutcome.Accepted) submit(client, "+15557654321", "😀".repeat(100));
        assertThat(gsm.segments()).isEqualTo(3);
        assertThat(gsm.carrierMessageIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(ucs2.segments()).isEqualTo(4);
        assertThat(ucs2.carrierMessageIds()).hasSize(4).doesNotHaveDuplicates();
        List<String> all = new ArrayList<>(gsm.carrierMessageIds());
        all.addAll(ucs2.carrierMessageIds());
        await().atMost(WAIT).untilAsserted(() -> assertThat(all)
                .allSatisfy(id -> assertThat(listener.receiptsFor(id)).extracting(DeliveryReceipt::stat)
                        .containsExactly(Stat.DELIVRD)));
    }

    @Test
    void manyConcurrentSubmitsRespectTheWindowAndAllSucceed() {
        List<CompletableFuture<SubmitOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(client.submit(new OutboundSms("r" + i, "+15551230000", "+1555765" + (1000 + i), "msg " + i)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(futures).allSatisfy(f -> assertThat(f.join()).isInstanceOf(SubmitOutcome.Accepted.class));
        assertThat(client.inFlight()).isZero();
        await().atMost(WAIT).until(() -> listener.receipts.size() == 200);
    }

    @Test
    void inboundShortAndLongMessagesReachTheListenerReassembled() {
        simulator.injectInbound("+15559876543", "+15551230000", "Hi €uro [x]");
        String longText = "Long inbound message, part of a test. ".repeat(12) + "😀 end";
        simulator.injectInbound("+15559876543", "+15551230000", longText);
        await().atMost(WAIT).until(() -> listener.inbound.size() == 2);
        InboundSms shortOne = listener.inbound.stream().filter(m -> m.segments() == 1).findFirst().orElseThrow();
        assertThat(shortOne.text()).isEqualTo("Hi €uro [x]");
        assertThat(shortOne.from()).isEqualTo("+15559876543");
        assertThat(shortOne.to()).isEqualTo("+15551230000");
        InboundSms longOne = listener.inbound.stream().filter(m -> m.segments() > 1).findFirst().orElseThrow();
        assertThat(longOne.text()).isEqualTo(longText);
        assertThat(longOne.segments()).isEqualTo(io.voltmsg.carrier.smpp.SmsEncoding.split(longText).segments().size())
                .isGreaterThan(1);
    }

    @Test
    void listenerFailureMakesTheSimulatorDeliverAgain() throws Exception {
        listener.failNext.set(1);
        String id = ((SubmitOutcome.Accepted) submit(client, "+15557654321", "retry me")).carrierMessageIds().get(0);
        await().atMost(WAIT).until(() -> listener.receiptsFor(id).size() == 1);
        assertThat(listener.failures.get()).isEqualTo(1);
    }

    @Test
    void simulatorHoldsReceiptsWhileClientIsUnboundAndDeliversAfterRebind() throws Exception {
        simulator.stop();
        simulator = new SmscSimulator(SimulatorProperties.defaults(0).withReceiptDelay(Duration.ofMillis(800)));
        simulator.start();
        await().atMost(Duration.ofSeconds(15)).until(client::isBound);
        String id = ((SubmitOutcome.Accepted) submit(client, "+15557654321", "held")).carrierMessageIds().get(0);
        client.stop(); // unbinds before the receipt is due
        simulator.injectInbound("+15559876543", "+15551230000", "while you were away");
        await().atMost(WAIT).until(() -> simulator.heldDeliveries() == 2);
        assertThat(listener.receiptsFor(id)).isEmpty();

        client = newClient(SmppProperties.defaults("127.0.0.1", 0));
        client.start();
        await().atMost(WAIT).until(() -> listener.receiptsFor(id).size() == 1 && listener.inbound.size() == 1);
        assertThat(listener.inbound.get(0).text()).isEqualTo("while you were away");
        assertThat(simulator.heldDeliveries()).isZero();
    }

    @Test
    void aSubmitThatWaitedPastItsDeadlineIsNotSent() throws Exception {
        java.time.Instant past = java.time.Instant.now().minusSeconds(1);
        assertThatThrownBy(() -> client.submit(new OutboundSms("late", "+15551230000", "+15557654321", "too late", past))
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("deadline");
        // had it gone out, its receipt would come within the 50 ms receipt delay
        Thread.sleep(500);
        assertThat(listener.receipts).isEmpty();
        java.time.Instant future = java.time.Instant.now().plusSeconds(30);
        assertThat(client.submit(new OutboundSms("on time", "+15551230000", "+15557654321", "in time", future))
                .get(10, TimeUnit.SECONDS)).isInstanceOf(SubmitOutcome.Accepted.class);
    }

    @Test
    void clientReconnectsAfterTheSimulatorRestartsOnTheSamePort() throws Exception {
        int port = simulator.port();
        simulator.stop();
        await().atMost(WAIT).until(() -> !client.isBound());
        assertThatThrownBy(() -> client.submit(new OutboundSms("r", "+15551230000", "+15557654321", "x")).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CarrierUnavailableException.class);

        simulator = new SmscSimulator(SimulatorProperties.defaults(port).withReceiptDelay(Duration.ofMillis(50)));
        simulator.start();
        await().atMost(Duration.ofSeconds(15)).until(client::isBound);
        await().atMost(WAIT).until(() -> listener.bound.get() == 2);
        assertThat(submit(client, "+15557654321", "back")).isInstanceOf(SubmitOutcome.Accepted.class);
    }

    @Test
    void wrongPasswordIsRefusedAndTheSimulatorStaysUsable() throws Exception {
        RecordingListener other = new RecordingListener();
        SmppClient intruder = new SmppClient(SmppProperties.defaults("127.0.0.1", 0).withCredentials("voltmsg", "nope"),
                () -> new InetSocketAddress("127.0.0.1", simulator.port()), () -> other);
        org.jsmpp.session.SMPPSession raw = new org.jsmpp.session.SMPPSession();
        try {
            assertThatThrownBy(() -> raw.connectAndBind("127.0.0.1", simulator.port(),
                    new org.jsmpp.session.BindParameter(org.jsmpp.bean.BindType.BIND_TRX, "voltmsg", "nope", "",
                            org.jsmpp.bean.TypeOfNumber.UNKNOWN, org.jsmpp.bean.NumberingPlanIndicator.UNKNOWN, null),
                    5_000))
                    .hasRootCauseInstanceOf(org.jsmpp.extra.NegativeResponseException.class)
                    .rootCause().extracting(e -> ((org.jsmpp.extra.NegativeResponseException) e).getCommandStatus())
                    .isEqualTo(0x0E);
            intruder.start();
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> !intruder.isBound());
        } finally {
            raw.close();
            intruder.stop();
        }
        assertThat(submit(client, "+15557654321", "still fine")).isInstanceOf(SubmitOutcome.Accepted.class);
    }

    @Test
    void throughputLimitStillDeliversEverything() {
        client.stop();
        client = newClient(SmppProperties.defaults("127.0.0.1", 0).withThroughput(20));
        client.start();
        await().atMost(WAIT).until(client::isBound);
        List<CompletableFuture<SubmitOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            futures.add(client.submit(new OutboundSms("r" + i, "+15551230000", "+15557654321", "m" + i)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(futures).allSatisfy(f -> assertThat(f.join()).isInstanceOf(SubmitOutcome.Accepted.class));
    }
}
