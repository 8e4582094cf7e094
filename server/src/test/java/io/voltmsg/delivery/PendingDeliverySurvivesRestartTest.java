package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A delivery that is pending when the server stops is sent by the next server on the same database. */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class PendingDeliverySurvivesRestartTest {

    @Test
    void aPendingDeliveryIsSentAfterARestart(@TempDir Path dataDir) {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        try (TestReceiver receiver = new TestReceiver()) {
            String eventId;
            try (ConfigurableApplicationContext first = Servers.start(properties)) {
                AccountService accounts = first.getBean(AccountService.class);
                var org = accounts.createOrganization("Restart " + java.util.UUID.randomUUID());
                String token = accounts.issueToken(org.id(), EnumSet.allOf(Scope.class)).token();
                GraphQl api = new GraphQl(Servers.port(first), token);
                assertThat(api.execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                        Map.of("u", receiver.url())).hasErrors()).isFalse();

                receiver.answering(503);
                eventId = first.getBean(TransactionTemplate.class).execute(tx -> first.getBean(EventPublisher.class)
                        .publish(org.id(), EventType.WEBHOOK_TEST, null, Map.of("note", "before restart")));
                await().atMost(Duration.ofSeconds(15)).until(() -> bodiesContaining(receiver, eventId) >= 1);
                assertThat(status(first, eventId)).isEqualTo("PENDING");
            }

            int attemptsBeforeRestart = bodiesContaining(receiver, eventId);
            receiver.answering(200);
            try (ConfigurableApplicationContext second = Servers.start(properties)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status(second, eventId)));
                assertThat(bodiesContaining(receiver, eventId)).isGreaterThan(attemptsBeforeRestart);
                int attempts = JdbcClient.create(second.getBean(javax.sql.DataSource.class))
                        .sql("select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id where d.event_id = ?")
                        .param(eventId).query(Integer.class).single();
                assertThat(attempts).isEqualTo(bodiesContaining(receiver, eventId));
            }
        }
    }

    private static int bodiesContaining(TestReceiver receiver, String eventId) {
        return (int) receiver.received().stream().filter(r -> r.bodyText().contains(eventId)).count();
    }

    private static String status(ConfigurableApplicationContext context, String eventId) {
        return JdbcClient.create(context.getBean(javax.sql.DataSource.class))
                .sql("select status from deliveries where event_id = ?").param(eventId).query(String.class).single();
    }
}
