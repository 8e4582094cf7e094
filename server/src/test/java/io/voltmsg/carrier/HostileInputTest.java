package io.voltmsg.carrier;

import io.voltmsg.carrier.DeliveryReceipt.Stat;
import io.voltmsg.carrier.sim.SimulatorProperties;
import io.voltmsg.carrier.sim.SmscSimulator;
import io.voltmsg.carrier.smpp.SmppClient;
import io.voltmsg.carrier.smpp.SmppProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.voltmsg.carrier.RawPdu.pdu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Garbage on the wire must not take down the simulator or the client session. */
class HostileInputTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SmscSimulator simulator;
    private SmppClient client;
    private ServerSocket rawSmsc;
    private Thread rawSmscThread;

    @AfterEach
    void cleanUp() throws Exception {
        if (client != null) {
            client.stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (rawSmsc != null) {
            rawSmsc.close();
        }
        if (rawSmscThread != null) {
            rawSmscThread.interrupt();
            rawSmscThread.join(5_000);
        }
    }

    @Test
    void simulatorSurvivesMalformedPdus() throws Exception {
        simulator = new SmscSimulator(SimulatorProperties.defaults(0).withReceiptDelay(Duration.ofMillis(20)));
        simulator.start();
        RecordingListener listener = new RecordingListener();
        client = new SmppClient(SmppProperties.defaults("127.0.0.1", 0),
                () -> new InetSocketAddress("127.0.0.1", simulator.port()), () -> listener);
        client.start();
        await().atMost(WAIT).until(client::isBound);

        byte[] random = new byte[256];
        new Random(42).nextBytes(random);
        hitAndRun(random);
        hitAndRun(new byte[]{0, 0, 0, 16, 0, 0}); // truncated header
        hitAndRun(new byte[]{0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 1}); // absurd length
        hitAndRun(new byte[]{0, 0, 0, 4, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 1}); // length below the header size
        hitAndRun(pdu(RawPdu.BIND_TRANSCEIVER, 0, 1, new byte[]{'v', 'o', 'l'})); // body without terminators

        // a raw client that binds properly, then sends nonsense
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), simulator.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(pdu(RawPdu.BIND_TRANSCEIVER, 0, 1, RawPdu.bindTransceiver("voltmsg", "voltmsg").build()));
            RawPdu.Pdu bindResp = RawPdu.read(in);
            assertThat(bindResp.commandId()).isEqualTo(RawPdu.RESP | RawPdu.BIND_TRANSCEIVER);
            assertThat(bindResp.status()).isZero();
            out.write(pdu(0x00000999, 0, 2, new byte[0])); // unknown command
            assertThat(RawPdu.read(in).commandId()).isEqualTo(RawPdu.GENERIC_NACK);
            out.write(pdu(RawPdu.SUBMIT_SM, 0, 3, new byte[]{0, 1})); // truncated submit_sm
            RawPdu.Pdu answer = RawPdu.read(in);
            assertThat(answer.commandId()).isEqualTo(RawPdu.GENERIC_NACK);
            assertThat(answer.sequence()).isEqualTo(3);
            assertThat(answer.status()).isNotZero();
            // and it still accepts a well-formed submit on the same connection
            out.write(pdu(RawPdu.SUBMIT_SM, 0, 4, RawPdu.submitSm("15551230000", "15005550003", "ok").build()));
            RawPdu.Pdu submitResp = RawPdu.read(in);
            assertThat(submitResp.commandId()).isEqualTo(RawPdu.RESP | RawPdu.SUBMIT_SM);
            assertThat(submitResp.status()).isZero();
        }

        assertThat(client.isBound()).isTrue();
        var accepted = (SubmitOutcome.Accepted) client.submit(
                new OutboundSms("r", "+15551230000", "+15557654321", "after the storm")).get(10, TimeUnit.SECONDS);
        String id = accepted.carrierMessageIds().get(0);
        await().atMost(WAIT).until(() -> !listener.receiptsFor(id).isEmpty());

        // and new clients can still bind
        SmppClient second = new SmppClient(SmppProperties.defaults("127.0.0.1", 0),
                () -> new InetSocketAddress("127.0.0.1", simulator.port()), RecordingListener::new);
        try {
            second.start();
            await().atMost(WAIT).until(second::isBound);
        } finally {
            second.stop();
        }
    }

    private void hitAndRun(byte[] bytes) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), simulator.port())) {
            s.setSoTimeout(1_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            try {
                s.getInputStream().read(new byte[64]); // whatever the simulator answers, or its hang-up
            } catch (IOException e) {
                // timeout or reset: fine
            }
        }
    }

    @Test
    void clientSurvivesMalformedDeliverSmFromTheSmsc() throws Exception {
        List<RawPdu.Pdu> fromClient = new CopyOnWriteArrayList<>();
        rawSmsc = new ServerSocket();
        rawSmsc.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        rawSmscThread = new Thread(() -> runRawSmsc(fromClient), "raw-smsc");
        rawSmscThread.setDaemon(true);
        rawSmscThread.start();

        RecordingListener listener = new RecordingListener();
        int port = rawSmsc.getLocalPort();
        client = new SmppClient(SmppProperties.defaults("127.0.0.1", port), () -> new InetSocketAddress("127.0.0.1", port),
                () -> listener);
        client.start();
        await().atMost(WAIT).until(client::isBound);

        await().atMost(WAIT).until(() -> listener.receiptsFor("ABC").size() == 1);
        DeliveryReceipt receipt = listener.receiptsFor("ABC").get(0);
        assertThat(receipt.stat()).isEqualTo(Stat.DELIVRD);
        assertThat(listener.receipts).hasSize(1); // the garbage receipt was acknowledged and dropped
        assertThat(listener.inbound).isEmpty();    // so was the MO with a broken UDH

        // every deliver_sm we could parse was answered OK, the rest got a nack, none hung the session
        await().atMost(WAIT).until(() -> fromClient.stream()
                .filter(p -> p.commandId() == (RawPdu.RESP | RawPdu.DELIVER_SM) && p.status() == 0).count() >= 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(fromClient)
                .anyMatch(p -> p.commandId() == RawPdu.GENERIC_NACK && p.sequence() == 100)    // truncated deliver_sm
                .anyMatch(p -> p.commandId() == RawPdu.GENERIC_NACK && p.sequence() == 101));  // unknown command

        assertThat(client.isBound()).isTrue();
        SubmitOutcome outcome = client.submit(new OutboundSms("r", "+15551230000", "+15557654321", "still here"))
                .get(10, TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(new SubmitOutcome.Accepted(List.of("RAW1"), 1));
    }

    /** A minimal SMSC: accepts one bind, sends hostile deliver_sm PDUs, answers submit_sm with RAW1. */
    private void runRawSmsc(List<RawPdu.Pdu> fromClient) {
        try (Socket s = rawSmsc.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (!Thread.currentThread().isInterrupted()) {
                RawPdu.Pdu p = RawPdu.read(in);
                fromClient.add(p);
                switch (p.commandId()) {
                    case RawPdu.BIND_TRANSCEIVER -> {
                        out.write(pdu(RawPdu.RESP | RawPdu.BIND_TRANSCEIVER, 0, p.sequence(),
                                RawPdu.body().cstr("raw").build()));
                        sendHostileBatch(out);
                    }
                    case RawPdu.SUBMIT_SM -> out.write(pdu(RawPdu.RESP | RawPdu.SUBMIT_SM, 0, p.sequence(),
                            RawPdu.body().cstr("RAW1").build()));
                    case RawPdu.ENQUIRE_LINK -> out.write(pdu(RawPdu.RESP | RawPdu.ENQUIRE_LINK, 0, p.sequence(), new byte[0]));
                    case RawPdu.UNBIND -> {
                        out.write(pdu(RawPdu.RESP | RawPdu.UNBIND, 0, p.sequence(), new byte[0]));
                        return;
                    }
                    default -> {
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // client went away or test ended
        }
    }

    private static void sendHostileBatch(OutputStream out) throws IOException {
        byte[] ascii = "lorem ipsum, no receipt here".getBytes(StandardCharsets.ISO_8859_1);
        out.write(pdu(RawPdu.DELIVER_SM, 0, 100, new byte[]{0, 1, 1, 'x'})); // truncated body
        out.write(pdu(0x00001234, 0, 101, new byte[]{1, 2, 3}));               // unknown command id
        out.write(pdu(RawPdu.DELIVER_SM, 0, 102,                               // MO with absurd UDH length
                RawPdu.deliverSm("15559876543", "15551230000", 0x40, new byte[]{0x50, 0, 3, 1}).build()));
        out.write(pdu(RawPdu.DELIVER_SM, 0, 103,                               // receipt that is garbage
                RawPdu.deliverSm("15557654321", "15551230000", 0x04, ascii).build()));
        out.write(pdu(RawPdu.DELIVER_SM, 0, 104,                               // a good receipt at last
                RawPdu.deliverSm("15557654321", "15551230000", 0x04,
                        "id:ABC sub:001 dlvrd:001 submit date:2611281200 done date:2611281201 stat:DELIVRD err:000 text:hi"
                                .getBytes(StandardCharsets.ISO_8859_1)).build()));
        out.flush();
    }
}
