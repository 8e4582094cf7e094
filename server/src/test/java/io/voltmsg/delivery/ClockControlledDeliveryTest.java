package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.shared.Times;
import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest.TestOrganization;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time-dependent behaviour with a clock the test moves: the retry schedule (10 s, 1 min here),
 * auto-disabling after failing for {@code disable-after} (3 min here), and taking over a
 * delivery whose lease ran out.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class ClockControlledDeliveryTest {

    static StandaloneServer.ManualClock clock;
    static StandaloneServer server;

    final TestReceiver receiver = new TestReceiver();

    @BeforeAll
    static void start() {
        clock = new StandaloneServer.ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        server = new StandaloneServer(TestDatabase.fresh(), clock, Map.of(
                "voltmsg.delivery.retry-schedule", "10s,1m",
                "voltmsg.delivery.disable-after", "3m"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    String register(TestOrganization org) {
        GraphQl.Response response = org.api().execute("mutation($url: String!) { registerWebhook(url: $url) { id } }",
                Map.of("url", receiver.url()));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        receiver.clear();
        return response.data("registerWebhook").path("id").asString();
    }

    String publish(TestOrganization org, String messageId) {
        return server.bean(EventPublisher.class).publish(org.id(), EventType.MESSAGE_DELIVERED, messageId,
                Map.of("id", messageId));
    }

    Map<String, Object> delivery(String eventId) {
        return server.bean(JdbcClient.class).sql("select status, attempts, next_attempt_at, lease_until from deliveries where event_id = ?")
                .param(eventId).query().singleRow();
    }

    void staysAt(int requests) {
        DeliveryEngineTest.sleep(700);
        assertThat(receiver.received()).hasSize(requests);
    }

    void awaitRequests(int requests) {
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= requests);
        assertThat(receiver.received()).hasSize(requests);
    }

    /** The receiver seeing an attempt comes before the outcome writer records it: wait for the record. */
    private void awaitRecorded(String eventId, int attempts) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ((Number) delivery(eventId).get("attempts")).intValue() >= attempts);
    }

    @Test
    void retriesFollowTheScheduleWithJitterThenFail() {
        TestOrganization org = server.newOrganization();
        register(org);
        receiver.answering(500);

        Instant t0 = clock.instant();
        String eventId = publish(org, "msg_timing");
        awaitRequests(1);

        // first retry: 10 s ± 20%, so never before 8 s and always by 12 s
        clock.advance(Duration.ofMillis(7_900));
        staysAt(1);
        awaitRecorded(eventId, 1);
        Instant due = Times.fromSql(delivery(eventId).get("next_attempt_at"));
        assertThat(Duration.between(t0, due)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        clock.advance(Duration.ofMillis(4_200));
        awaitRequests(2);

        // second retry: 1 min ± 20% after the second attempt (read once its outcome is recorded)
        Instant t1 = clock.instant();
        awaitRecorded(eventId, 2);
        due = Times.fromSql(delivery(eventId).get("next_attempt_at"));
        assertThat(Duration.between(t1, due)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        clock.advance(Duration.ofSeconds(47));
        staysAt(2);
        clock.advance(Duration.ofSeconds(26));
        awaitRequests(3);

        // the schedule is exhausted: FAILED, no further attempt whatever the time
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(delivery(eventId).get("status")));
        assertThat(((Number) delivery(eventId).get("attempts")).intValue()).isEqualTo(3);
        clock.advance(Duration.ofDays(2));
        staysAt(3);
    }

    @Test
    void anEndpointFailingForTheConfiguredTimeIsDisabledWithAReason() {
        TestOrganization org = server.newOrganization();
        String webhookId = register(org);
        receiver.answering(503);

        publish(org, "msg_health_1");
        awaitRequests(1);
        clock.advance(Duration.ofSeconds(13));
        awaitRequests(2);
        assertThat(enabled(org, webhookId)).isTrue(); // failing for 13 s only

        clock.advance(Duration.ofMinutes(3));
        awaitRequests(3); // failing for 3 min 13 s now

        await().atMost(Duration.ofSeconds(10)).until(() -> !enabled(org, webhookId));
        String reason = org.api().execute("query($id: ID!) { webhook(id: $id) { disabledReason } }", Map.of("id", webhookId))
                .data("webhook").path("disabledReason").asString();
        assertThat(reason).contains("disabled automatically", "3 minutes", "HTTP 503");

        // enabling forgives the past: the next failure does not disable it again at once
        org.api().execute("mutation($id: ID!) { enableWebhook(id: $id) { id } }", Map.of("id", webhookId));
        publish(org, "msg_health_2");
        awaitRequests(4);
        DeliveryEngineTest.sleep(500);
        assertThat(enabled(org, webhookId)).isTrue();
    }

    @Test
    void aSuccessResetsTheFailingPeriod() {
        TestOrganization org = server.newOrganization();
        String webhookId = register(org);
        receiver.answering(500);
        publish(org, "msg_reset_1");
        awaitRequests(1);
        clock.advance(Duration.ofMinutes(2));
        receiver.answering(200);
        publish(org, "msg_reset_2");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 3); // retry + new event
        receiver.answering(500);
        clock.advance(Duration.ofMinutes(2));
        publish(org, "msg_reset_3");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 4);
        DeliveryEngineTest.sleep(500);
        assertThat(enabled(org, webhookId)).isTrue(); // 4 min since the first failure, but a success in between
    }

    @Test
    void aDeliveryLeasedByADeadInstanceIsTakenOverWhenTheLeaseRunsOut() {
        TestOrganization org = server.newOrganization();
        String webhookId = register(org);
        org.api().execute("mutation($id: ID!) { disableWebhook(id: $id) { id } }", Map.of("id", webhookId));
        String eventId = publish(org, "msg_lease"); // SKIPPED: a delivery row to play with
        org.api().execute("mutation($id: ID!) { enableWebhook(id: $id) { id } }", Map.of("id", webhookId));
        // as if another instance had claimed it a moment ago and then died
        server.bean(JdbcClient.class).sql("""
                        update deliveries set status = 'PENDING', next_attempt_at = ?, lease_until = ? where event_id = ?""")
                .params(Times.sql(clock.instant()), Times.sql(clock.instant().plusSeconds(60)), eventId).update();

        staysAt(0);
        clock.advance(Duration.ofSeconds(59));
        staysAt(0);
        clock.advance(Duration.ofSeconds(2));
        awaitRequests(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(delivery(eventId).get("status")));
        assertThat(delivery(eventId).get("lease_until")).isNull();
    }

    boolean enabled(TestOrganization org, String webhookId) {
        return org.api().execute("query($id: ID!) { webhook(id: $id) { enabled } }", Map.of("id", webhookId))
                .data("webhook").path("enabled").asBoolean();
    }
}
