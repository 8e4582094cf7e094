package io.voltmsg.carrier;

import io.voltmsg.carrier.DeliveryReceipt.Stat;
import io.voltmsg.carrier.sim.SimulatorProperties;
import io.voltmsg.carrier.sim.SmscSimulator;
import io.voltmsg.carrier.smpp.SmppClient;
import io.voltmsg.carrier.smpp.SmppProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Interoperability with an independent SMPP implementation: the npm `smpp` package run by node. */
class NodePeersTest {

    private NodePeer peer;
    private SmppClient client;
    private SmscSimulator simulator;

    @AfterEach
    void cleanUp() {
        if (client != null) {
            client.stop();
        }
        if (peer != null) {
            peer.close();
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void ourClientAgainstNodeSmsc() throws Exception {
        peer = NodePeer.start("smsc-peer.js", "voltmsg", "voltmsg");
        int port = Integer.parseInt(peer.awaitLine("LISTENING "));
        RecordingListener listener = new RecordingListener();
        client = new SmppClient(SmppProperties.defaults("127.0.0.1", port), () -> new InetSocketAddress("127.0.0.1", port),
                () -> listener);
        client.start();
        await().atMost(Duration.ofSeconds(10)).until(client::isBound);

        SubmitOutcome outcome = client.submit(new OutboundSms("r1", "+15551230000", "+15557654321", "Hi {node} €5"))
                .get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
        String id = ((SubmitOutcome.Accepted) outcome).carrierMessageIds().get(0);

        // node decoded our data_coding 0 short_message as GSM 03.38 unpacked: the same text came out
        assertThat(peer.awaitLine("SUBMIT ")).contains("\"to\":\"15557654321\"", "\"ton\":1", "\"dc\":0",
                "\"rd\":1", "\"text\":\"Hi {node} €5\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.receiptsFor(id).isEmpty());
        DeliveryReceipt receipt = listener.receiptsFor(id).get(0);
        assertThat(receipt.stat()).isEqualTo(Stat.DELIVRD);
        assertThat(receipt.err()).isEqualTo("000");
        assertThat(peer.awaitLine("DELIVER_RESP ")).isEqualTo("0");

        var ucs2 = (SubmitOutcome.Accepted) client.submit(
                new OutboundSms("r2", "+15551230000", "+15557654321", "Привет 😀")).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> peer.lines.stream().anyMatch(l -> l.contains("Привет 😀")));
        assertThat(ucs2.segments()).isEqualTo(1);
    }

    @Test
    void nodeClientAgainstOurSimulator() throws Exception {
        simulator = new SmscSimulator(SimulatorProperties.defaults(0));
        simulator.start();
        peer = NodePeer.start("esme-peer.js", String.valueOf(simulator.port()), "voltmsg", "voltmsg", "15557654321");
        assertThat(peer.process().waitFor(20, TimeUnit.SECONDS)).as("node client finished:\n%s", peer).isTrue();
        assertThat(peer.process().exitValue()).as("node output:\n%s", peer).isZero();
        assertThat(peer.find("BOUND")).isPresent();
        String[] submitResp = peer.awaitLine("SUBMIT_RESP ").split(" ");
        assertThat(submitResp[0]).isEqualTo("0");
        String receipt = peer.awaitLine("RECEIPT ");
        assertThat(receipt).contains("\"id\":\"" + submitResp[1] + "\"", "\"state\":2", "stat:DELIVRD",
                "text:Hello from node");
    }

    @Test
    void nodeClientWithWrongPasswordIsRefused() throws Exception {
        simulator = new SmscSimulator(SimulatorProperties.defaults(0));
        simulator.start();
        peer = NodePeer.start("esme-peer.js", String.valueOf(simulator.port()), "voltmsg", "wrong", "15557654321");
        assertThat(peer.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(peer.awaitLine("BIND_FAILED ")).isEqualTo(String.valueOf(0x0E));
    }

    @Test
    void nodeClientGetsTheRefusalForTheMagicNumber() throws Exception {
        simulator = new SmscSimulator(SimulatorProperties.defaults(0));
        simulator.start();
        peer = NodePeer.start("esme-peer.js", String.valueOf(simulator.port()), "voltmsg", "voltmsg", "15005550002");
        assertThat(peer.awaitLine("SUBMIT_RESP ")).startsWith(String.valueOf(0x45));
    }
}
