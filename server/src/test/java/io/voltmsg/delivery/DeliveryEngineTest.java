package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.Scope;
import io.voltmsg.shared.RetentionPurge;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.TestReceiver.Reply;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The delivery engine against real loopback receivers, through the public GraphQL API (the
 * shared test context retries after 1 s, 2 s, 3 s, then FAILED).
 */
class DeliveryEngineTest extends IntegrationTest {

    static final String REGISTER = "mutation($url: String!) { registerWebhook(url: $url) { id } }";
    static final String DELIVERIES = """
            query($id: ID!, $status: DeliveryStatus, $first: Int, $after: String) {
              webhookDeliveries(webhookId: $id, status: $status, first: $first, after: $after) {
                edges { cursor node { id webhookId eventId eventType messageId status attempts nextAttemptAt createdAt lastUpdatedAt } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    static final String ATTEMPTS = """
            query($id: ID!) { deliveryAttempts(deliveryId: $id) { id deliveryId attemptedAt durationMs statusCode responseBody error } }""";
    static final String WEBHOOK = "query($id: ID!) { webhook(id: $id) { id enabled disabledReason } }";

    @Autowired
    EventPublisher publisher;
    @Autowired
    RetentionPurge purge;
    @Autowired
    JdbcClient jdbc;

    private final List<TestReceiver> receivers = new ArrayList<>();

    @AfterEach
    void closeReceivers() {
        receivers.forEach(TestReceiver::close);
    }

    TestReceiver receiver() {
        TestReceiver receiver = new TestReceiver();
        receivers.add(receiver);
        return receiver;
    }

    String register(TestOrganization org, TestReceiver receiver) {
        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", receiver.url()));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        receiver.clear();
        return response.data("registerWebhook").path("id").asString();
    }

    String publish(TestOrganization org, String messageId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", messageId);
        payload.put("type", "SMS");
        payload.put("text", "hello");
        return publisher.publish(org.id(), EventType.MESSAGE_SENT, messageId, payload);
    }

    GraphQl.Response deliveries(TestOrganization org, String webhookId, String status, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", webhookId);
        variables.put("status", status);
        variables.put("first", first);
        variables.put("after", after);
        return org.api().execute(DELIVERIES, variables);
    }

    /** The webhook's deliveries, newest first. */
    List<JsonNode> deliveryNodes(TestOrganization org, String webhookId) {
        GraphQl.Response response = deliveries(org, webhookId, null, 100, null);
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        List<JsonNode> nodes = new ArrayList<>();
        response.data("webhookDeliveries").path("edges").forEach(edge -> nodes.add(edge.path("node")));
        return nodes;
    }

    JsonNode deliveryOf(TestOrganization org, String webhookId, String eventId) {
        return deliveryNodes(org, webhookId).stream().filter(n -> n.path("eventId").asString().equals(eventId))
                .findFirst().orElseThrow(() -> new AssertionError("no delivery of " + eventId));
    }

    void awaitStatus(TestOrganization org, String webhookId, String eventId, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(deliveryOf(org, webhookId, eventId).path("status").asString()).isEqualTo(status));
    }

    List<JsonNode> attempts(TestOrganization org, String deliveryId) {
        GraphQl.Response response = org.api().execute(ATTEMPTS, Map.of("id", deliveryId));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        List<JsonNode> list = new ArrayList<>();
        response.data("deliveryAttempts").forEach(list::add);
        return list;
    }

    JsonNode webhook(TestOrganization org, String id) {
        return org.api().execute(WEBHOOK, Map.of("id", id)).data("webhook");
    }

    static String eventIdOf(TestReceiver.Received request) {
        return GraphQl.JSON.readTree(request.body()).path("id").asString();
    }

    @Test
    void deliversASignedEventAndLogsTheAttempt() throws Exception {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);

        String eventId = publish(org, "msg_signed");

        awaitStatus(org, webhookId, eventId, "DELIVERED");
        assertThat(receiver.received()).hasSize(1);
        TestReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("user-agent")).startsWith("voltmsg/");
        JsonNode body = GraphQl.JSON.readTree(request.body());
        assertThat(body.path("id").asString()).isEqualTo(eventId);
        assertThat(body.path("type").asString()).isEqualTo("message.sent");
        assertThat(body.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.path("sequence").isNumber()).isTrue();
        assertThat(verifies(request)).isTrue();

        JsonNode delivery = deliveryOf(org, webhookId, eventId);
        assertThat(delivery.path("webhookId").asString()).isEqualTo(webhookId);
        assertThat(delivery.path("eventType").asString()).isEqualTo("message.sent");
        assertThat(delivery.path("messageId").asString()).isEqualTo("msg_signed");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
        List<JsonNode> attempts = attempts(org, delivery.path("id").asString());
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(200);
        assertThat(attempts.get(0).path("responseBody").asString()).isEqualTo("ok");
        assertThat(attempts.get(0).path("error").isNull()).isTrue();
        assertThat(attempts.get(0).path("durationMs").asInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void retriesOnTheScheduleThenFails() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        receiver.answering(r -> {
            arrivals.add(System.nanoTime());
            return Reply.status(500);
        });

        String eventId = publish(org, "msg_failing");

        awaitStatus(org, webhookId, eventId, "FAILED");
        assertThat(receiver.received()).hasSize(4).allSatisfy(r -> assertThat(eventIdOf(r)).isEqualTo(eventId));
        assertThat(receiver.received()).extracting(TestReceiver.Received::bodyText).containsOnly(receiver.received().get(0).bodyText());
        // 1 s, 2 s, 3 s, each -20% at worst
        long[] minimumMillis = {800, 1600, 2400};
        for (int i = 1; i < 4; i++) {
            assertThat((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000).as("gap before attempt %d", i + 1)
                    .isGreaterThanOrEqualTo(minimumMillis[i - 1] - 50);
        }
        JsonNode delivery = deliveryOf(org, webhookId, eventId);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
        List<JsonNode> attempts = attempts(org, delivery.path("id").asString());
        assertThat(attempts).hasSize(4).allSatisfy(a -> assertThat(a.path("statusCode").asInt()).isEqualTo(500));
    }

    @Test
    void aRetrySucceedsAfterTransientFailures() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        AtomicInteger calls = new AtomicInteger();
        receiver.answering(r -> Reply.status(calls.incrementAndGet() <= 2 ? 502 : 204));

        String eventId = publish(org, "msg_transient");

        awaitStatus(org, webhookId, eventId, "DELIVERED");
        assertThat(deliveryOf(org, webhookId, eventId).path("attempts").asInt()).isEqualTo(3);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void honoursRetryAfterOn503And429CappedAtAnHour() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        receiver.answering(r -> {
            boolean first = GraphQl.JSON.readTree(r.body()).path("payload").path("id").asString().equals("msg_retry_after_1");
            return new Reply(first ? 503 : 429, Map.of("Retry-After", first ? "30" : "7200"), Duration.ZERO);
        });

        String slow = publish(org, "msg_retry_after_1");
        String capped = publish(org, "msg_retry_after_2");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(deliveryOf(org, webhookId, slow).path("attempts").asInt()).isEqualTo(1);
            assertThat(deliveryOf(org, webhookId, capped).path("attempts").asInt()).isEqualTo(1);
        });
        assertThat(secondsUntilNextAttempt(org, webhookId, slow)).isBetween(30L, 32L);
        assertThat(secondsUntilNextAttempt(org, webhookId, capped)).isBetween(3600L, 3602L);
        assertThat(deliveryOf(org, webhookId, slow).path("status").asString()).isEqualTo("PENDING");
        org.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", webhookId));
    }

    long secondsUntilNextAttempt(TestOrganization org, String webhookId, String eventId) {
        JsonNode delivery = deliveryOf(org, webhookId, eventId);
        Instant attempted = Instant.parse(attempts(org, delivery.path("id").asString()).get(0).path("attemptedAt").asString());
        return Duration.between(attempted, Instant.parse(delivery.path("nextAttemptAt").asString())).toSeconds();
    }

    @Test
    void goneDisablesTheEndpointAtOnceAndEnablingResumes() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        receiver.answering(410);

        String first = publish(org, "msg_gone");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(webhook(org, webhookId).path("enabled").asBoolean()).isFalse());
        assertThat(webhook(org, webhookId).path("disabledReason").asString()).contains("410");
        receiver.answering(200);
        String second = publish(org, "msg_gone_2");
        assertThat(deliveryOf(org, webhookId, second).path("status").asString()).isEqualTo("SKIPPED");
        // The first one's retry falls due after about a second, but a disabled endpoint receives nothing.
        sleep(2500);
        assertThat(receiver.received()).hasSize(1);
        assertThat(deliveryOf(org, webhookId, first).path("status").asString()).isEqualTo("PENDING");

        GraphQl.Response enabled = org.api().execute("mutation($id: ID!) { enableWebhook(id: $id) { enabled disabledReason } }",
                Map.of("id", webhookId));
        assertThat(enabled.data("enableWebhook").path("enabled").asBoolean()).as(enabled.raw()).isTrue();
        assertThat(enabled.data("enableWebhook").path("disabledReason").isNull()).isTrue();

        awaitStatus(org, webhookId, first, "DELIVERED");
        assertThat(deliveryOf(org, webhookId, second).path("status").asString()).isEqualTo("SKIPPED");
    }

    @Test
    void disableByHandSkipsNewEventsHoldsPendingOnesAndRecoverResendsTheSkipped() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        Instant start = Instant.now().minusSeconds(1);
        receiver.answering(500);
        String waiting = publish(org, "msg_hand_1");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

        GraphQl.Response disabled = org.api().execute("mutation($id: ID!) { disableWebhook(id: $id) { id enabled disabledReason } }",
                Map.of("id", webhookId));
        assertThat(disabled.data("disableWebhook").path("enabled").asBoolean()).as(disabled.raw()).isFalse();
        assertThat(disabled.data("disableWebhook").path("disabledReason").asString()).contains("disabled");
        receiver.answering(200);
        String skipped1 = publish(org, "msg_hand_2");
        String skipped2 = publish(org, "msg_hand_3");
        sleep(2500);
        assertThat(receiver.received()).hasSize(1);
        assertThat(deliveryOf(org, webhookId, waiting).path("status").asString()).isEqualTo("PENDING");
        assertThat(deliveryOf(org, webhookId, skipped1).path("status").asString()).isEqualTo("SKIPPED");

        org.api().execute("mutation($id: ID!) { enableWebhook(id: $id) { id } }", Map.of("id", webhookId));
        awaitStatus(org, webhookId, waiting, "DELIVERED");
        assertThat(deliveryOf(org, webhookId, skipped2).path("status").asString()).isEqualTo("SKIPPED");

        GraphQl.Response recovered = org.api().execute("mutation($id: ID!, $since: DateTime!) { recoverWebhook(webhookId: $id, since: $since) }",
                Map.of("id", webhookId, "since", start.toString()));
        assertThat(recovered.data("recoverWebhook").asInt()).as(recovered.raw()).isEqualTo(2);
        awaitStatus(org, webhookId, skipped1, "DELIVERED");
        awaitStatus(org, webhookId, skipped2, "DELIVERED");
        assertThat(receiver.received()).extracting(DeliveryEngineTest::eventIdOf).contains(skipped1, skipped2);

        GraphQl.Response none = org.api().execute("mutation($id: ID!, $since: DateTime!) { recoverWebhook(webhookId: $id, since: $since) }",
                Map.of("id", webhookId, "since", start.toString()));
        assertThat(none.data("recoverWebhook").asInt()).isZero();
    }

    @Test
    void resendEventSendsThePastEventAgainAsANewDelivery() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        String eventId = publish(org, "msg_resend");
        awaitStatus(org, webhookId, eventId, "DELIVERED");

        GraphQl.Response resent = org.api().execute("""
                mutation($e: ID!, $w: ID!) { resendEvent(eventId: $e, webhookId: $w) { id eventId webhookId status attempts } }""",
                Map.of("e", eventId, "w", webhookId));
        assertThat(resent.hasErrors()).as(resent.raw()).isFalse();
        JsonNode delivery = resent.data("resendEvent");
        assertThat(delivery.path("eventId").asString()).isEqualTo(eventId);
        assertThat(delivery.path("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.path("attempts").asInt()).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        assertThat(deliveryNodes(org, webhookId)).filteredOn(n -> n.path("eventId").asString().equals(eventId)).hasSize(2);

        TestOrganization other = newOrganization();
        GraphQl.Response foreign = other.api().execute("mutation($e: ID!, $w: ID!) { resendEvent(eventId: $e, webhookId: $w) { id } }",
                Map.of("e", eventId, "w", webhookId));
        assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
        String otherWebhook = register(other, receiver());
        GraphQl.Response foreignEvent = other.api().execute("mutation($e: ID!, $w: ID!) { resendEvent(eventId: $e, webhookId: $w) { id } }",
                Map.of("e", eventId, "w", otherWebhook));
        assertThat(foreignEvent.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreignEvent.firstError().path("message").asString()).isEqualTo("event not found");
    }

    @Test
    void sendTestEventSendsAFreshSignedTestEventThroughTheNormalPath() throws Exception {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);

        GraphQl.Response response = org.api().execute(
                "mutation($id: ID!) { sendTestEvent(webhookId: $id) { id eventId eventType status webhookId } }",
                Map.of("id", webhookId));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        JsonNode delivery = response.data("sendTestEvent");
        assertThat(delivery.path("eventType").asString()).isEqualTo("webhook.test");
        assertThat(delivery.path("id").asString()).startsWith("dlv_");

        awaitStatus(org, webhookId, delivery.path("eventId").asString(), "DELIVERED");
        TestReceiver.Received request = receiver.received().get(0);
        JsonNode body = GraphQl.JSON.readTree(request.body());
        assertThat(body.path("type").asString()).isEqualTo("webhook.test");
        assertThat(body.path("id").asString()).isEqualTo(delivery.path("eventId").asString());
        assertThat(body.path("payload").path("url").asString()).isEqualTo(receiver.url());
        assertThat(verifies(request)).isTrue();

        GraphQl.Response foreign = newOrganization().api().execute("mutation($id: ID!) { sendTestEvent(webhookId: $id) { id } }",
                Map.of("id", webhookId));
        assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void deletingAWebhookCancelsItsPendingDeliveries() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        receiver.answering(500);
        String eventId = publish(org, "msg_deleted");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

        GraphQl.Response deleted = org.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", webhookId));
        assertThat(deleted.data("deleteWebhook").asBoolean()).as(deleted.raw()).isTrue();

        assertThat(jdbc.sql("select status from deliveries where event_id = ?").param(eventId).query(String.class).single())
                .isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id where d.event_id = ?")
                .param(eventId).query(Integer.class).single()).isEqualTo(1);
        sleep(2000);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void eventsOfOneMessageArriveInOrderWhileOtherMessagesPass() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        // the first attempt of the first event ("sent") fails; its retry comes after about a second
        receiver.answering(r -> GraphQl.JSON.readTree(r.body()).path("payload").path("step").asString().equals("sent")
                && failedOnce.add("sent") ? Reply.status(500) : Reply.status(200));

        String sent = publishStep(org, "msg_ordered", "sent");
        String delivered = publishStep(org, "msg_ordered", "delivered");
        String finalized = publishStep(org, "msg_ordered", "finalized");
        String unrelated = publishStep(org, "msg_other", "sent-other");

        awaitStatus(org, webhookId, finalized, "DELIVERED");
        List<String> order = receiver.received().stream().map(DeliveryEngineTest::eventIdOf).toList();
        assertThat(order).containsSubsequence(sent, sent, delivered, finalized);
        assertThat(order.indexOf(delivered)).isGreaterThan(order.lastIndexOf(sent));
        assertThat(order.indexOf(finalized)).isGreaterThan(order.indexOf(delivered));
        // another message is not held back by the failed one
        assertThat(order.indexOf(unrelated)).isLessThan(order.lastIndexOf(sent));
        assertThat(deliveryOf(org, webhookId, sent).path("attempts").asInt()).isEqualTo(2);
    }

    String publishStep(TestOrganization org, String messageId, String step) {
        return publisher.publish(org.id(), EventType.MESSAGE_SENT, messageId, Map.of("id", messageId, "step", step));
    }

    @Test
    void requestsToOneEndpointAreLimitedToTenAtOnce() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        receiver.answering(r -> {
            highest.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            sleep(300);
            concurrent.decrementAndGet();
            return Reply.status(200);
        });

        List<String> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(publish(org, "msg_many_" + i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 40);
        assertThat(highest.get()).isBetween(2, 10);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveryNodes(org, webhookId)).filteredOn(n -> n.path("status").asString().equals("DELIVERED")).hasSize(40));
        assertThat(receiver.received()).extracting(DeliveryEngineTest::eventIdOf).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void deliveriesArePagedNewestFirstAndFilteredByStatus() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        for (int i = 0; i < 5; i++) {
            publish(org, "msg_page_" + i);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveries(org, webhookId, "DELIVERED", null, null).data("webhookDeliveries").path("edges")).hasSize(5));

        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            GraphQl.Response page = deliveries(org, webhookId, null, 2, after);
            JsonNode connection = page.data("webhookDeliveries");
            connection.path("edges").forEach(e -> {
                assertThat(e.path("cursor").asString()).isEqualTo(e.path("node").path("id").asString());
                seen.add(e.path("cursor").asString());
            });
            more = connection.path("pageInfo").path("hasNextPage").asBoolean();
            after = connection.path("pageInfo").path("endCursor").asString();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(deliveries(org, webhookId, "FAILED", null, null).data("webhookDeliveries").path("edges")).isEmpty();

        assertThat(deliveries(org, webhookId, null, 0, null).firstError().path("extensions").path("field").asString()).isEqualTo("first");
        assertThat(deliveries(org, webhookId, null, 101, null).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(deliveries(org, webhookId, null, null, "nonsense").firstError().path("extensions").path("field").asString())
                .isEqualTo("after");
        TestOrganization other = newOrganization();
        assertThat(deliveries(other, webhookId, null, null, null).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(other.api().execute(ATTEMPTS, Map.of("id", seen.get(0))).errorCode()).isEqualTo("NOT_FOUND");
        TestOrganization writeOnly = newOrganization(EnumSet.of(Scope.WRITE_WEBHOOKS));
        assertThat(deliveries(writeOnly, webhookId, null, null, null).errorCode()).isEqualTo("FORBIDDEN");
        TestOrganization readOnly = newOrganization(EnumSet.of(Scope.READ_WEBHOOKS));
        assertThat(readOnly.api().execute("mutation($id: ID!) { disableWebhook(id: $id) { id } }", Map.of("id", webhookId))
                .errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void metricsAndHealthAreExposed() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        String eventId = publish(org, "msg_metrics");
        awaitStatus(org, webhookId, eventId, "DELIVERED");

        String metrics = GraphQl.get(port, "/actuator/prometheus", org.token());
        assertThat(metrics).contains("voltmsg_delivery_attempts_total{outcome=\"success\"",
                "voltmsg_delivery_attempt_duration_seconds_bucket", "voltmsg_delivery_latency_seconds_bucket",
                "voltmsg_delivery_pending ", "voltmsg_delivery_oldest_pending_age_seconds ", "voltmsg_webhooks_disabled ");
        assertThat(GraphQl.get(port, "/actuator/health")).contains("\"UP\"");
    }

    @Test
    void retentionPurgesOldHistoryAndAuditEntriesButKeepsPendingDeliveries() {
        TestOrganization org = newOrganization();
        TestReceiver receiver = receiver();
        String webhookId = register(org, receiver);
        String old = publish(org, "msg_old");
        awaitStatus(org, webhookId, old, "DELIVERED");
        receiver.answering(500);
        String oldPending = publish(org, "msg_old_pending");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
        String recent = publish(org, "msg_recent");

        Instant longAgo = Instant.now().minus(Duration.ofDays(31));
        for (String eventId : List.of(old, oldPending)) {
            jdbc.sql("update events set created_at = ? where id = ?").params(io.voltmsg.shared.Times.sql(longAgo), eventId).update();
            jdbc.sql("update deliveries set created_at = ? where event_id = ?").params(io.voltmsg.shared.Times.sql(longAgo), eventId).update();
        }

        for (String[] entry : List.of(new String[] {"aud_purge_old", longAgo.toString()},
                new String[] {"aud_purge_recent", Instant.now().toString()})) {
            jdbc.sql("insert into audit_log (id, organization_id, occurred_at, actor_type, action) values (?, ?, ?, 'SYSTEM', 'test')")
                    .params(entry[0], org.id(), io.voltmsg.shared.Times.sql(Instant.parse(entry[1]))).update();
        }

        assertThat(purge.purge()).isGreaterThanOrEqualTo(3);

        assertThat(count("select count(*) from events where id = ?", old)).isZero();
        assertThat(count("select count(*) from deliveries where event_id = ?", old)).isZero();
        assertThat(count("select count(*) from events where id = ?", oldPending)).isEqualTo(1);
        assertThat(count("select count(*) from deliveries where event_id = ? and status = 'PENDING'", oldPending)).isEqualTo(1);
        assertThat(count("select count(*) from events where id = ?", recent)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where id = ?", "aud_purge_old")).isZero();
        assertThat(count("select count(*) from audit_log where id = ?", "aud_purge_recent")).isEqualTo(1);
        org.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", webhookId));
    }

    int count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The RSA header verifies over the exact body with the served public key. */
    boolean verifies(TestReceiver.Received request) throws Exception {
        String pem = GraphQl.get(port, "/id_rsa.pub").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(request.body());
        return verifier.verify(Base64.getDecoder().decode(request.header("x-respond-flow-signature")));
    }
}
