package io.voltmsg.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Overload is refused, not absorbed: with the carrier unreachable nothing leaves the queue, and beyond
 * {@code voltmsg.messaging.max-queued} createMessage fails with QUEUE_FULL and stores nothing, for that organization
 * only. On H2 only: the bound is counted the same way on both databases.
 */
class QueueFullTest {

    @Test
    void anOrganizationsBacklogStopsAtTheBoundAndNothingIsStoredBeyondIt(@TempDir Path dataDir) throws Exception {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.put("voltmsg.carrier.simulator.enabled", "false");
        properties.put("voltmsg.carrier.smpp.host", "127.0.0.1");
        properties.put("voltmsg.carrier.smpp.port", "9"); // nothing listens: every message stays queued
        properties.put("voltmsg.messaging.max-queued", "3");
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            AccountService accounts = server.getBean(AccountService.class);
            GraphQl full = api(server, accounts, "+15550170001");
            for (int i = 0; i < 3; i++) {
                assertThat(create(full, "+15550170001", "message " + i).hasErrors()).isFalse();
            }
            GraphQl.Response refused = create(full, "+15550170001", "one too many");
            assertThat(refused.errorCode()).isEqualTo("QUEUE_FULL");
            assertThat(refused.firstError().get("message").asText())
                    .contains("3 messages waiting to be sent", "nothing was stored", "retry in 5 s");
            assertThat(refused.firstError().get("extensions").get("retryAfterSeconds").asInt()).isEqualTo(5);
            assertThat(refused.firstError().get("extensions").get("maxQueued").asInt()).isEqualTo(3);

            // Counted again from the database a second later: still full, still nothing stored.
            Thread.sleep(OutboundBacklog.RECOUNT_MILLIS + 200);
            assertThat(create(full, "+15550170001", "later").errorCode()).isEqualTo("QUEUE_FULL");
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from messages where from_number = '+15550170001'")
                    .query(Integer.class).single()).isEqualTo(3);

            // Another organization's queue is its own.
            GraphQl other = api(server, accounts, "+15550170002");
            assertThat(create(other, "+15550170002", "not affected").hasErrors()).isFalse();
        }
    }

    @Test
    void fullMeansAtTheBound() {
        assertThat(OutboundBacklog.isFull(2, 3)).isFalse();
        assertThat(OutboundBacklog.isFull(3, 3)).isTrue();
        assertThat(OutboundBacklog.isFull(4, 3)).isTrue();
    }

    private static GraphQl api(ConfigurableApplicationContext server, AccountService accounts, String number) {
        var org = accounts.createOrganization("Queue " + UUID.randomUUID());
        accounts.addPhoneNumber(org.id(), number);
        return new GraphQl(Servers.port(server), accounts.issueToken(org.id(), EnumSet.allOf(Scope.class)).token());
    }

    private static GraphQl.Response create(GraphQl api, String from, String body) {
        return api.execute(MessagingEndToEndTest.CREATE, Map.of("to", "+15550179999", "from", from, "body", body));
    }
}
