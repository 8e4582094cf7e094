package io.voltmsg.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Through real SMPP on loopback: the embedded SMSC answers by destination number. */
class MessagingEndToEndTest extends IntegrationTest {

    static final String CREATE = """
            mutation($to: String!, $from: String!, $body: String!) {
              createMessage(to: $to, from: $from, body: $body) {
                id toNumber fromNumber status media body sentAt createdAt segments direction errorCode errorMessage
              }
            }""";

    @Test
    void aDeliveredMessageGivesSentDeliveredFinalizedInOrder() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = registered(receiver);
            String to = uniqueNumber();
            GraphQl.Response created = org.api().execute(CREATE, Map.of("to", to, "from", org.phoneNumber(), "body", "hello €[]"));
            assertThat(created.hasErrors()).as(created.raw()).isFalse();
            JsonNode message = created.data("createMessage");
            assertThat(message.path("status").asString()).isEqualTo("queued");
            assertThat(message.path("media").isArray()).isTrue();
            assertThat(message.path("media")).isEmpty();
            assertThat(message.path("direction").asString()).isEqualTo("OUTBOUND");
            assertThat(message.path("segments").asInt()).isEqualTo(1);
            String id = message.path("id").asString();

            List<JsonNode> events = awaitEvents(receiver, id, 3);
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("message.sent", "message.delivered", "message.finalized");
            assertThat(events).extracting(e -> e.path("sequence").asLong()).isSorted();
            JsonNode finalized = events.get(2).path("payload");
            assertThat(finalized.path("status").asString()).isEqualTo("delivered");
            assertThat(finalized.path("text").asString()).isEqualTo("hello €[]");
            assertThat(finalized.path("type").asString()).isEqualTo("SMS");
            assertThat(finalized.path("direction").asString()).isEqualTo("outbound");
            assertThat(finalized.path("toNumber").asString()).isEqualTo(to);
            assertThat(finalized.path("sentAt").asString()).isNotBlank();
            assertThat(finalized.path("deliveredAt").asString()).isNotBlank();
            assertThat(finalized.path("finalizedAt").asString()).isNotBlank();
            assertThat(events.get(0).path("payload").path("status").asString()).isEqualTo("sent");

            JsonNode read = org.api().execute("query($id: ID!) { message(id: $id) { status sentAt deliveredAt } }",
                    Map.of("id", id)).data("message");
            assertThat(read.path("status").asString()).isEqualTo("delivered");
        }
    }

    @Test
    void undeliverableNumberGivesFailedThenFinalized() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = registered(receiver);
            String id = create(org, "+15005550001", "to the void");
            List<JsonNode> events = awaitEvents(receiver, id, 3);
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("message.sent", "message.failed", "message.finalized");
            JsonNode payload = events.get(2).path("payload");
            assertThat(payload.path("status").asString()).isEqualTo("undelivered");
            assertThat(payload.path("errorCode").asString()).isEqualTo("UNDELIV");
        }
    }

    @Test
    void refusedSubmitGivesFailedThenFinalized() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = registered(receiver);
            String id = create(org, "+15005550002", "refuse me");
            List<JsonNode> events = awaitEvents(receiver, id, 2);
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("message.failed", "message.finalized");
            JsonNode payload = events.get(1).path("payload");
            assertThat(payload.path("status").asString()).isEqualTo("failed");
            assertThat(payload.path("errorCode").asString()).isEqualTo("SUBMIT_REFUSED");
            assertThat(payload.path("sentAt").isNull()).isTrue();
        }
    }

    @Test
    void longMessageIsDeliveredWhenEverySegmentIs() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = registered(receiver);
            String id = create(org, uniqueNumber(), "x".repeat(400));
            List<JsonNode> events = awaitEvents(receiver, id, 3);
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("message.sent", "message.delivered", "message.finalized");
            assertThat(events.get(2).path("payload").path("segments").asInt()).isEqualTo(3);
        }
    }

    @Test
    void simulatedInboundMessageIsReportedWithText() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = registered(receiver);
            String handset = uniqueNumber();
            GraphQl.Response response = org.api().execute("""
                    mutation($from: String!, $to: String!, $body: String!) {
                      simulateInboundMessage(from: $from, to: $to, body: $body) { id status direction body fromNumber toNumber }
                    }""", Map.of("from", handset, "to", org.phoneNumber(), "body", "Hi there 👋"));
            assertThat(response.hasErrors()).as(response.raw()).isFalse();
            JsonNode message = response.data("simulateInboundMessage");
            assertThat(message.path("status").asString()).isEqualTo("received");
            assertThat(message.path("direction").asString()).isEqualTo("INBOUND");
            List<JsonNode> events = awaitEvents(receiver, message.path("id").asString(), 1);
            JsonNode payload = events.get(0).path("payload");
            assertThat(events.get(0).path("type").asString()).isEqualTo("message.received");
            assertThat(payload.path("text").asString()).isEqualTo("Hi there 👋");
            assertThat(payload.path("type").asString()).isEqualTo("SMS");
            assertThat(payload.path("fromNumber").asString()).isEqualTo(handset);
            assertThat(payload.path("toNumber").asString()).isEqualTo(org.phoneNumber());
        }
    }

    TestOrganization registered(TestReceiver receiver) {
        TestOrganization org = newOrganization();
        GraphQl.Response registered = org.api().execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                Map.of("u", receiver.url()));
        assertThat(registered.hasErrors()).as(registered.raw()).isFalse();
        receiver.clear();
        return org;
    }

    static String create(TestOrganization org, String to, String body) {
        GraphQl.Response created = org.api().execute(CREATE, Map.of("to", to, "from", org.phoneNumber(), "body", body));
        assertThat(created.hasErrors()).as(created.raw()).isFalse();
        return created.data("createMessage").path("id").asString();
    }

    /**
     * The webhook bodies about one message once at least {@code count} arrived (and a moment more), in the order
     * they arrived: the delivery engine sends a message's events to an endpoint one after the other, in event
     * order, so arrival order is what the assertions check.
     */
    static List<JsonNode> awaitEvents(TestReceiver receiver, String messageId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsAbout(receiver, messageId).size() >= count);
        try {
            Thread.sleep(300); // anything extra (a duplicate) would show up now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return eventsAbout(receiver, messageId);
    }

    static List<JsonNode> eventsAbout(TestReceiver receiver, String messageId) {
        return receiver.received().stream().map(r -> GraphQl.JSON.readTree(r.bodyText()))
                .filter(body -> messageId.equals(body.path("payload").path("id").asString()))
                .toList();
    }
}
