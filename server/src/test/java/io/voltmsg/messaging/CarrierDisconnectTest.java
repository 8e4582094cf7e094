package io.voltmsg.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Scope;
import io.voltmsg.carrier.sim.SimulatorProperties;
import io.voltmsg.carrier.sim.SmscSimulator;
import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The carrier dies mid-stream: a standalone SMSC (not the embedded one) is killed while messages are being
 * submitted and receipts are pending, then a new one starts. Every message still ends with exactly one
 * message.finalized (receipts lost with the dead SMSC end as undelivered/EXPIRED after the short receipt
 * timeout), and no message the carrier acknowledged is submitted again. PDUs are observed on the wire by a tap.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class CarrierDisconnectTest {

    static final int NORMAL = 30;

    @Test
    void everyMessageIsFinalizedOnceAndNoAcknowledgedMessageIsSubmittedTwice(@TempDir Path dataDir) throws Exception {
        SmscSimulator[] smsc = {startSmsc()};
        try (SmppTap tap = new SmppTap(() -> smsc[0].port()); TestReceiver receiver = new TestReceiver()) {
            Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
            properties.put("voltmsg.carrier.simulator.enabled", "false");
            properties.put("voltmsg.carrier.smpp.host", "127.0.0.1");
            properties.put("voltmsg.carrier.smpp.port", String.valueOf(tap.port()));
            properties.put("voltmsg.carrier.smpp.throughput", "5");
            properties.put("voltmsg.carrier.smpp.reconnect-initial-backoff", "200ms");
            properties.put("voltmsg.carrier.smpp.reconnect-max-backoff", "1s");
            properties.put("voltmsg.carrier.smpp.response-timeout", "3s");
            properties.put("voltmsg.messaging.receipt-timeout", "6s");
            properties.put("voltmsg.messaging.poll-interval", "200ms");
            try (ConfigurableApplicationContext server = Servers.start(properties)) {
                AccountService accounts = server.getBean(AccountService.class);
                var org = accounts.createOrganization("Disconnect " + java.util.UUID.randomUUID());
                String from = "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
                accounts.addPhoneNumber(org.id(), from);
                GraphQl api = new GraphQl(Servers.port(server), accounts.issueToken(org.id(), EnumSet.allOf(Scope.class)).token());
                assertThat(api.execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                        Map.of("u", receiver.url())).hasErrors()).isFalse();

                // without the embedded SMSC there is nothing to simulate an inbound message with
                GraphQl.Response simulate = api.execute("""
                        mutation { simulateInboundMessage(from: "+15550109999", to: "%s", body: "hi") { id } }"""
                        .formatted(from));
                assertThat(simulate.errorCode()).isEqualTo("SIMULATOR_DISABLED");

                List<String> destinations = new ArrayList<>(List.of("+15005550001", "+15005550002", "+15005550003"));
                for (int i = 0; i < NORMAL; i++) {
                    destinations.add(String.format("+1555020%04d", i));
                }
                List<String> ids = new ArrayList<>();
                for (String to : destinations) {
                    GraphQl.Response created = api.execute(MessagingEndToEndTest.CREATE,
                            Map.of("to", to, "from", from, "body", "disconnect test to " + to));
                    assertThat(created.hasErrors()).as(created.raw()).isFalse();
                    ids.add(created.data("createMessage").path("id").asString());
                }

                // kill the SMSC once some, but not all, messages were acknowledged
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> tap.count("ack") >= 10);
                long acksBeforeKill = tap.count("ack");
                smsc[0].stop();
                tap.cut();
                Thread.sleep(1_500);
                smsc[0] = startSmsc();

                JdbcClient jdbc = JdbcClient.create(server.getBean(DataSource.class));
                await().atMost(Duration.ofSeconds(60)).until(() -> finalizedIds(receiver).size() >= ids.size());
                Thread.sleep(2_000); // a duplicate would arrive now

                Map<String, Long> finalized = finalizedIds(receiver);
                assertThat(finalized.keySet()).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(finalized.values()).allMatch(count -> count == 1L);
                assertThat(tap.submittedAfterAck()).as("acknowledged, then submitted again").isEmpty();
                assertThat(acksBeforeKill).isLessThan(destinations.size() - 1);
                Map<String, Long> sent = countByMessage(receiver, "message.sent");
                assertThat(sent.values()).allMatch(count -> count == 1L);

                // outcomes: the magic numbers, and every other message delivered or expired
                assertThat(status(jdbc, ids.get(0))).isIn("UNDELIVERED");
                assertThat(status(jdbc, ids.get(1))).isEqualTo("FAILED");
                assertThat(status(jdbc, ids.get(2))).isEqualTo("UNDELIVERED");
                assertThat(jdbc.sql("select error_code from messages where id = ?").param(ids.get(2)).query(String.class)
                        .single()).isEqualTo("EXPIRED");
                for (String id : ids.subList(3, ids.size())) {
                    assertThat(status(jdbc, id)).isIn("DELIVERED", "UNDELIVERED");
                }
                assertThat(jdbc.sql("select count(*) from messages where status in ('QUEUED', 'SENDING', 'SENT')")
                        .query(Integer.class).single()).isZero();
            }
        } finally {
            smsc[0].stop();
        }
    }

    static SmscSimulator startSmsc() {
        SmscSimulator sim = new SmscSimulator(SimulatorProperties.defaults(0).withReceiptDelay(Duration.ofMillis(300)));
        sim.start();
        return sim;
    }

    static String status(JdbcClient jdbc, String id) {
        return jdbc.sql("select status from messages where id = ?").param(id).query(String.class).single();
    }

    static Map<String, Long> finalizedIds(TestReceiver receiver) {
        return countByMessage(receiver, "message.finalized");
    }

    static Map<String, Long> countByMessage(TestReceiver receiver, String type) {
        return receiver.received().stream().map(r -> GraphQl.JSON.readTree(r.bodyText()))
                .filter(body -> type.equals(body.path("type").asString()))
                .map(body -> body.path("payload").path("id").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

}
