package io.voltmsg.carrier;

import io.voltmsg.carrier.smpp.SmppClient;
import io.voltmsg.carrier.smpp.SmppProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.voltmsg.carrier.RawPdu.pdu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Window and reassembly behaviour seen from the wire, against a hand-written SMSC. */
class WindowAndReassemblyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private RawSmsc smsc;
    private SmppClient client;
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void cleanUp() throws Exception {
        if (client != null) {
            client.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private void connect(SmppProperties props) throws Exception {
        smsc = new RawSmsc();
        int port = smsc.port();
        client = new SmppClient(props, () -> new InetSocketAddress("127.0.0.1", port), () -> listener);
        client.start();
        await().atMost(WAIT).until(() -> client.isBound() && smsc.connected());
    }

    @Test
    void neverMoreThanTheWindowOfSubmitsAwaitTheirResponse() throws Exception {
        connect(SmppProperties.defaults("127.0.0.1", 0).withThroughput(0));
        smsc.holdSubmits(true);
        List<CompletableFuture<SubmitOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            futures.add(client.submit(new OutboundSms("r" + i, "+15551230000", "+15557654321", "m" + i)));
        }
        await().atMost(WAIT).until(() -> smsc.heldCount() == 10);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> smsc.heldCount() == 10);
        assertThat(client.inFlight()).isEqualTo(10);
        assertThat(futures).noneMatch(CompletableFuture::isDone);

        smsc.holdSubmits(false);
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(futures).allSatisfy(f -> assertThat(f.join()).isInstanceOf(SubmitOutcome.Accepted.class));
        assertThat(client.inFlight()).isZero();
    }

    private static byte[] part(int ref, int total, int seq, String gsmText) {
        byte[] text = gsmText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] sm = new byte[6 + text.length];
        System.arraycopy(new byte[]{5, 0, 3, (byte) ref, (byte) total, (byte) seq}, 0, sm, 0, 6);
        System.arraycopy(text, 0, sm, 6, text.length);
        return pdu(RawPdu.DELIVER_SM, 0, 1000 + ref * 10 + seq,
                RawPdu.deliverSm("15559876543", "15551230000", 0x40, sm).build());
    }

    @Test
    void incompleteMessagesAreReportedAfterTheTimeoutAndDuplicatesIgnored() throws Exception {
        connect(SmppProperties.defaults("127.0.0.1", 0).withReassemblyTimeout(Duration.ofSeconds(1)));
        smsc.send(part(7, 3, 3, "C"));
        smsc.send(part(7, 3, 1, "A"));            // part 2 never comes
        smsc.send(part(8, 2, 2, "two"));
        smsc.send(part(8, 2, 2, "two"));          // duplicate while incomplete
        smsc.send(part(8, 2, 1, "one-"));
        smsc.send(part(8, 2, 2, "two"));          // duplicate after it was handed on

        await().atMost(WAIT).until(() -> listener.inbound.size() >= 2);
        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> listener.inbound.size() == 2);
        assertThat(listener.inbound).extracting(InboundSms::text).containsExactly("one-two", "AC");
        assertThat(listener.inbound).extracting(InboundSms::segments).containsExactly(2, 2);
        assertThat(listener.inbound.get(1).from()).isEqualTo("+15559876543");
        // every part was acknowledged
        await().atMost(WAIT).until(() -> smsc.received.stream()
                .filter(p -> p.commandId() == (RawPdu.RESP | RawPdu.DELIVER_SM) && p.status() == 0).count() == 6);
    }
}
