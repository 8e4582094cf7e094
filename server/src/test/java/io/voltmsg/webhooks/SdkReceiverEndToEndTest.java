package io.voltmsg.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.voltmsg.sdk.MessagePayload;
import io.voltmsg.sdk.SeenIds;
import io.voltmsg.sdk.SignatureScheme;
import io.voltmsg.sdk.TestPayload;
import io.voltmsg.sdk.VerifiedWebhook;
import io.voltmsg.sdk.WebhookEvent;
import io.voltmsg.sdk.WebhookVerificationException;
import io.voltmsg.sdk.WebhookVerifier;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A real server delivers real message events (createMessage through the embedded SMSC, an inbound
 * message, a failure) to a loopback receiver built on the SDK, which fetches the server's keys and
 * checks RSA, v1 and v1a on every request: they arrive verified and typed, and a re-sent event is
 * dropped as a duplicate.
 */
class SdkReceiverEndToEndTest extends IntegrationTest {

    @Test
    void deliveriesVerifyWithTheSdkAndArriveTyped() throws Exception {
        TestOrganization org = newOrganization();
        URI server = URI.create("http://127.0.0.1:" + port);
        // Before registration the receiver cannot know the webhook's secret: RSA and v1a only.
        try (SdkReceiver receiver = new SdkReceiver(WebhookVerifier.builder().fetchingKeysFrom(server).build())) {
            GraphQl.Response registered = org.api().execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                    Map.of("u", receiver.url()));
            assertThat(registered.hasErrors()).as(registered.raw()).isFalse();
            String webhookId = registered.data("registerWebhook").path("id").asString();
            assertThat(receiver.rejections()).isEmpty();
            VerifiedWebhook test = receiver.accepted().get(0);
            assertThat(test.verifiedBy()).isEqualTo(EnumSet.of(SignatureScheme.RSA, SignatureScheme.V1A));
            assertThat(test.event().type()).isEqualTo(WebhookEvent.WEBHOOK_TEST);
            assertThat(test.event().payload()).isEqualTo(new TestPayload(receiver.url()));
            assertThat(test.event().organizationId()).isEqualTo(org.id());

            // With the secret: every scheme on every request.
            String secret = org.api().execute("query($id: ID!) { webhookSecret(id: $id) }", Map.of("id", webhookId))
                    .data("webhookSecret").asString();
            WebhookVerifier all = WebhookVerifier.builder().fetchingKeysFrom(server).standard(secret).build();
            receiver.use(all);

            String text = "Hello from the SDK test 👋\r\nsecond line";
            String outbound = create(org, uniqueNumber(), text);
            List<WebhookEvent> events = awaitEvents(receiver, outbound, 3);
            assertThat(events).extracting(WebhookEvent::type).containsExactly(WebhookEvent.MESSAGE_SENT,
                    WebhookEvent.MESSAGE_DELIVERED, WebhookEvent.MESSAGE_FINALIZED);
            assertThat(events).extracting(WebhookEvent::sequence).isSorted();
            MessagePayload finalized = events.get(2).message();
            assertThat(finalized.text()).isEqualTo(text);
            assertThat(finalized.body()).isEqualTo(text);
            assertThat(finalized.isInbound()).isFalse();
            assertThat(finalized.fromNumber()).isEqualTo(org.phoneNumber());
            assertThat(finalized.status()).isEqualTo("delivered");
            assertThat(finalized.segments()).isEqualTo(1); // UCS-2 for the emoji: 39 UTF-16 units fit in one
            assertThat(finalized.sentAt()).isNotNull();
            assertThat(finalized.deliveredAt()).isNotNull();
            assertThat(finalized.finalizedAt()).isNotNull();

            String handset = uniqueNumber();
            GraphQl.Response inbound = org.api().execute("""
                    mutation($from: String!, $to: String!, $body: String!) {
                      simulateInboundMessage(from: $from, to: $to, body: $body) { id }
                    }""", Map.of("from", handset, "to", org.phoneNumber(), "body", "Grüße"));
            assertThat(inbound.hasErrors()).as(inbound.raw()).isFalse();
            WebhookEvent received = awaitEvents(receiver, inbound.data("simulateInboundMessage").path("id").asString(), 1).get(0);
            assertThat(received.type()).isEqualTo(WebhookEvent.MESSAGE_RECEIVED);
            assertThat(received.message().isInbound()).isTrue();
            assertThat(received.message().fromNumber()).isEqualTo(handset);
            assertThat(received.message().text()).isEqualTo("Grüße");

            List<WebhookEvent> failed = awaitEvents(receiver, create(org, "+15005550001", "to the void"), 3);
            assertThat(failed).extracting(WebhookEvent::type).containsExactly(WebhookEvent.MESSAGE_SENT,
                    WebhookEvent.MESSAGE_FAILED, WebhookEvent.MESSAGE_FINALIZED);
            assertThat(failed.get(1).message().errorCode()).isEqualTo("UNDELIV");

            assertThat(receiver.rejections()).isEmpty();
            assertThat(receiver.accepted()).hasSize(8).allSatisfy(webhook -> {
                assertThat(webhook.event().id()).isEqualTo(webhook.id());
                assertThat(webhook.event().organizationId()).isEqualTo(org.id());
            });
            assertThat(receiver.accepted().subList(1, 8)).allSatisfy(webhook ->
                    assertThat(webhook.verifiedBy()).isEqualTo(EnumSet.allOf(SignatureScheme.class)));

            // At-least-once: a re-sent event carries the same webhook-id and is dropped in one line.
            String delivered = events.get(1).id();
            GraphQl.Response resent = org.api().execute("mutation($e: ID!, $w: ID!) { resendEvent(eventId: $e, webhookId: $w) { id } }",
                    Map.of("e", delivered, "w", webhookId));
            assertThat(resent.hasErrors()).as(resent.raw()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.duplicates() == 1);
            assertThat(receiver.accepted()).hasSize(8);

            // The checks are real: a wrong secret, or one changed byte, fails.
            SdkReceiver.Request request = receiver.requests().get(receiver.requests().size() - 1);
            WebhookVerifier wrongSecret = WebhookVerifier.builder().fetchingKeysFrom(server)
                    .standard("whsec_" + "A".repeat(43) + "=").build();
            assertThat(catchThrowableOfType(WebhookVerificationException.class,
                    () -> wrongSecret.verify(request.headers(), request.body())).reason())
                    .isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISMATCH);
            byte[] tampered = request.body().clone();
            tampered[tampered.length - 2] ^= 1;
            WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
                    () -> all.verify(request.headers(), tampered));
            assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISMATCH);
        }
    }

    static String create(TestOrganization org, String to, String body) {
        GraphQl.Response created = org.api().execute("""
                mutation($to: String!, $from: String!, $body: String!) { createMessage(to: $to, from: $from, body: $body) { id } }""",
                Map.of("to", to, "from", org.phoneNumber(), "body", body));
        assertThat(created.hasErrors()).as(created.raw()).isFalse();
        return created.data("createMessage").path("id").asString();
    }

    /** The typed events about one message once {@code count} arrived, in arrival order. */
    static List<WebhookEvent> awaitEvents(SdkReceiver receiver, String messageId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsAbout(receiver, messageId).size() >= count);
        return eventsAbout(receiver, messageId);
    }

    static List<WebhookEvent> eventsAbout(SdkReceiver receiver, String messageId) {
        return receiver.accepted().stream().map(VerifiedWebhook::event)
                .filter(e -> e.isMessageEvent() && e.message().id().equals(messageId)).toList();
    }

    /** A receiver as a user writes it with the SDK: verify, drop duplicates, answer 204; 400 when verification fails. */
    static final class SdkReceiver implements AutoCloseable {

        record Request(Map<String, List<String>> headers, byte[] body) {
        }

        private final HttpServer server;
        private final AtomicReference<WebhookVerifier> verifier;
        private final SeenIds seen = SeenIds.inMemory();
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final List<VerifiedWebhook> accepted = new CopyOnWriteArrayList<>();
        private final List<WebhookVerificationException> rejections = new CopyOnWriteArrayList<>();
        private final AtomicInteger duplicates = new AtomicInteger();

        SdkReceiver(WebhookVerifier initial) throws IOException {
            verifier = new AtomicReference<>(initial);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "sdk-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
                int status;
                try {
                    VerifiedWebhook webhook = verifier.get().verify(exchange.getRequestHeaders(), body);
                    if (seen.firstTime(webhook.id())) {
                        accepted.add(webhook);
                    } else {
                        duplicates.incrementAndGet();
                    }
                    status = 204;
                } catch (WebhookVerificationException e) {
                    rejections.add(e);
                    status = 400;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        void use(WebhookVerifier next) {
            verifier.set(next);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<VerifiedWebhook> accepted() {
            return List.copyOf(accepted);
        }

        List<WebhookVerificationException> rejections() {
            return List.copyOf(rejections);
        }

        List<Request> requests() {
            return List.copyOf(requests);
        }

        int duplicates() {
            return duplicates.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
