package io.voltmsg.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.Scope;
import io.voltmsg.delivery.EventPublisher;
import io.voltmsg.delivery.EventType;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.Verify;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every request a real loopback receiver gets carries three signatures, each checked by an
 * independent verifier: RSA with openssl and /id_rsa.pub, v1 with the reference Standard
 * Webhooks library (npm, run by node), v1a with java.security.Signature and node's crypto.verify
 * using the key from /.well-known/webhook-keys.
 */
class WebhookSignaturesTest extends IntegrationTest {

    static final String REGISTER = "mutation($url: String!) { registerWebhook(url: $url) { id } }";
    static final String SECRET = "query($id: ID!) { webhookSecret(id: $id) }";
    static final String ROTATE = "mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret previousSecretExpiresAt } }";

    private final TestReceiver receiver = new TestReceiver();

    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    io.voltmsg.delivery.Endpoints endpoints;

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void theRegistrationTestRequestCarriesAllThreeSignatures(@TempDir Path dir) throws Exception {
        TestOrganization org = newOrganization();
        long before = System.currentTimeMillis() / 1000;
        String id = register(org, receiver.url());
        String secret = org.api().execute(SECRET, Map.of("id", id)).data("webhookSecret").asString();

        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        TestReceiver.Received test = receiver.received().get(0);
        JsonNode body = GraphQl.JSON.readTree(test.body());
        assertThat(test.header("webhook-id")).isEqualTo(body.path("id").asString()).startsWith("evt_");
        assertThat(Long.parseLong(test.header("webhook-timestamp"))).isBetween(before, System.currentTimeMillis() / 1000);
        assertThat(test.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}= v1a,[A-Za-z0-9+/]{86}==");
        assertThat(test.header("x-respond-flow-signature-next")).isNull();
        verifyAll(dir, test, List.of(secret));
    }

    @Test
    void anEventDeliveryCarriesAllThreeSignaturesAndTheEventIdAsWebhookId(@TempDir Path dir) throws Exception {
        TestOrganization org = newOrganization();
        String id = register(org, receiver.url());
        String secret = org.api().execute(SECRET, Map.of("id", id)).data("webhookSecret").asString();
        receiver.clear();

        String eventId = transactions.execute(tx -> events.publish(org.id(), EventType.WEBHOOK_TEST, null,
                Map.of("url", receiver.url(), "note", "Grüße 👋")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
        TestReceiver.Received delivery = receiver.received().get(0);
        assertThat(delivery.header("webhook-id")).isEqualTo(eventId);
        verifyAll(dir, delivery, List.of(secret));
    }

    @Test
    void rotatingTheSecretSignsWithBothNewFirstAndEachVerifiesAlone(@TempDir Path dir) throws Exception {
        TestOrganization org = newOrganization();
        String id = register(org, receiver.url());
        String old = org.api().execute(SECRET, Map.of("id", id)).data("webhookSecret").asString();
        long now = System.currentTimeMillis();

        GraphQl.Response rotated = org.api().execute(ROTATE, Map.of("id", id));

        assertThat(rotated.hasErrors()).as(rotated.raw()).isFalse();
        String fresh = rotated.data("rotateWebhookSecret").path("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        long expires = java.time.Instant.parse(rotated.data("rotateWebhookSecret").path("previousSecretExpiresAt").asString())
                .toEpochMilli();
        assertThat(expires - now).isBetween(Duration.ofHours(24).minusMinutes(1).toMillis(), Duration.ofHours(24).plusMinutes(1).toMillis());
        assertThat(org.api().execute(SECRET, Map.of("id", id)).data("webhookSecret").asString()).isEqualTo(fresh);
        // What delivery reads through its port: both secrets, newest first, for one endpoint and for a batch.
        assertThat(endpoints.find(id).orElseThrow().signingSecrets()).containsExactly(fresh, old);
        assertThat(endpoints.findAll(List.of(id, "wh_unknown")).get(id).signingSecrets()).containsExactly(fresh, old);

        receiver.clear();
        transactions.execute(tx -> events.publish(org.id(), EventType.WEBHOOK_TEST, null, Map.of("url", receiver.url())));
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
        TestReceiver.Received delivery = receiver.received().get(0);
        assertThat(Verify.signatures(delivery.header("webhook-signature"), "v1")).hasSize(2);
        verifyAll(dir, delivery, List.of(fresh, old));
    }

    @Test
    void secretsOfUnknownOrOtherOrganizationsWebhooksAreNotFound() {
        TestOrganization owner = newOrganization();
        TestOrganization other = newOrganization();
        String id = register(owner, receiver.url());

        for (String unknown : new String[] {id, "wh_nope", "", "x".repeat(500)}) {
            GraphQl.Response read = other.api().execute(SECRET, Map.of("id", unknown));
            assertThat(read.errorCode()).as(read.raw()).isEqualTo("NOT_FOUND");
            assertThat(read.firstError().path("message").asString()).isEqualTo("webhook not found");
            assertThat(read.raw()).doesNotContain("whsec_");
            GraphQl.Response rotate = other.api().execute(ROTATE, Map.of("id", unknown));
            assertThat(rotate.errorCode()).as(rotate.raw()).isEqualTo("NOT_FOUND");
            assertThat(rotate.raw()).doesNotContain("whsec_");
        }
        // The owner's secret was not rotated by any of that.
        String secret = owner.api().execute(SECRET, Map.of("id", id)).data("webhookSecret").asString();
        assertThat(Verify.signatures(receiver.received().get(0).header("webhook-signature"), "v1")).hasSize(1);
        assertThat(secret).startsWith("whsec_");

        GraphQl.Response deleted = owner.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", id));
        assertThat(deleted.hasErrors()).isFalse();
        assertThat(owner.api().execute(SECRET, Map.of("id", id)).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void readingNeedsReadWebhooksAndRotatingNeedsWriteWebhooks() {
        TestOrganization owner = newOrganization();
        String id = register(owner, receiver.url());
        // Same organization, narrower tokens.
        String readOnly = accounts.issueToken(owner.id(), EnumSet.of(Scope.READ_WEBHOOKS)).token();
        String messagesOnly = accounts.issueToken(owner.id(), EnumSet.of(Scope.READ_MESSAGES)).token();

        GraphQl.Response rotate = withToken(readOnly).execute(ROTATE, Map.of("id", id));
        assertThat(rotate.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(rotate.firstError().path("message").asString()).isEqualTo("missing scope write:webhooks");
        assertThat(withToken(readOnly).execute(SECRET, Map.of("id", id)).data("webhookSecret").asString()).startsWith("whsec_");
        GraphQl.Response read = withToken(messagesOnly).execute(SECRET, Map.of("id", id));
        assertThat(read.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(read.raw()).doesNotContain("whsec_");
    }

    @Test
    void publishesTheEd25519KeysAndNoNextRsaKeyWithoutARotation() throws Exception {
        JsonNode keys = GraphQl.JSON.readTree(GraphQl.get(port, "/.well-known/webhook-keys")).path("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.path("kid").asString()).startsWith("key_");
        assertThat(key.path("alg").asString()).isEqualTo("Ed25519");
        assertThat(key.path("pem").asString()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(key.path("whpk").asString()).matches("whpk_[A-Za-z0-9+/]{43}=");
        assertThat(key.path("current").asBoolean()).isTrue();
        assertThat(key.toString()).doesNotContainIgnoringCase("private");

        HttpResponse<String> next = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/id_rsa.next.pub")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(404);
    }

    private String register(TestOrganization org, String url) {
        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", url));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        return response.data("registerWebhook").path("id").asString();
    }

    /** RSA with openssl; each v1 (in the order of {@code secrets}) alone and all together with node; v1a with Java and node. */
    private void verifyAll(Path dir, TestReceiver.Received request, List<String> secrets) throws Exception {
        String rsaPem = GraphQl.get(port, "/id_rsa.pub");
        assertThat(Verify.rsaWithOpenssl(dir, rsaPem, request.body(), request.header("x-respond-flow-signature")))
                .isEqualTo("Verified OK");

        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String header = request.header("webhook-signature");
        byte[] content = Verify.signedContent(id, timestamp, request.body());
        long now = System.currentTimeMillis() / 1000;
        List<String> v1 = Verify.signatures(header, "v1");
        assertThat(v1).hasSize(secrets.size());
        assertThat(Verify.v1WithNode(secrets.get(0), request.body(), id, timestamp, header, now)).isEqualTo("ok");
        for (int i = 0; i < secrets.size(); i++) {
            assertThat(v1.get(i)).isEqualTo(Verify.v1(secrets.get(i), content));
            assertThat(Verify.v1WithNode(secrets.get(i), request.body(), id, timestamp, "v1," + v1.get(i), now))
                    .as("v1 #%d alone", i).isEqualTo("ok");
        }
        assertThat(Verify.v1WithNode("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                request.body(), id, timestamp, header, now)).contains("No matching signature");

        JsonNode key = GraphQl.JSON.readTree(GraphQl.get(port, "/.well-known/webhook-keys")).path("keys").get(0);
        List<String> v1a = Verify.signatures(header, "v1a");
        assertThat(v1a).hasSize(1);
        assertThat(Verify.ed25519WithJava(key.path("pem").asString(), content, v1a.get(0))).isTrue();
        assertThat(Verify.ed25519WithNode(key.path("pem").asString(), content, v1a.get(0))).isEqualTo("true");
        assertThat(Verify.ed25519WithNodeWhpk(key.path("whpk").asString(), content, v1a.get(0))).isEqualTo("true");
        byte[] tampered = Verify.signedContent(id, Long.toString(Long.parseLong(timestamp) + 1), request.body());
        assertThat(Verify.ed25519WithJava(key.path("pem").asString(), tampered, v1a.get(0))).isFalse();
        assertThat(Verify.ed25519WithNode(key.path("pem").asString(), tampered, v1a.get(0))).isEqualTo("false");
    }
}
