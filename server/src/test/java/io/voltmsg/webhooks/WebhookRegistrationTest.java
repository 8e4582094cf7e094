package io.voltmsg.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.TestReceiver.Reply;
import io.voltmsg.testing.Verify;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class WebhookRegistrationTest extends IntegrationTest {

    static final String REGISTER = "mutation registerWebhook ($url: String!) { registerWebhook (url: $url) { id url createdAt lastUpdatedAt } }";
    static final String LIST = "{ webhooks { id url enabled disabledReason createdAt lastUpdatedAt } }";

    private final TestReceiver receiver = new TestReceiver();

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void registersAfterASignedTestRequestThatVerifiesWithTheServedKey(@TempDir Path dir) throws Exception {
        TestOrganization org = newOrganization();

        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", receiver.url()));

        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        JsonNode webhook = response.data("registerWebhook");
        assertThat(webhook.path("id").asString()).startsWith("wh_");
        assertThat(webhook.path("url").asString()).isEqualTo(receiver.url());
        assertThat(webhook.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(webhook.path("lastUpdatedAt").asString()).isEqualTo(webhook.path("createdAt").asString());

        assertThat(receiver.received()).hasSize(1);
        TestReceiver.Received test = receiver.received().get(0);
        assertThat(test.method()).isEqualTo("POST");
        assertThat(test.header("content-type")).isEqualTo("application/json");
        assertThat(test.header("user-agent")).startsWith("voltmsg/");
        JsonNode body = GraphQl.JSON.readTree(test.body());
        assertThat(body.path("type").asString()).isEqualTo("webhook.test");
        assertThat(body.path("id").asString()).startsWith("evt_");
        assertThat(body.path("organizationId").asString()).isEqualTo(org.id());
        assertThat(body.path("payload").path("url").asString()).isEqualTo(receiver.url());
        assertThat(body.path("sequence").isNumber()).isTrue();

        String pem = GraphQl.get(port, "/id_rsa.pub");
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        String signature = test.header("x-respond-flow-signature");
        assertThat(Verify.rsaWithJava(pem, test.body(), signature)).isTrue();
        assertThat(Verify.rsaWithOpenssl(dir, pem, test.body(), signature)).contains("Verified OK");

        byte[] tampered = test.bodyText().replace("webhook.test", "webhook.tesT").getBytes(StandardCharsets.UTF_8);
        assertThat(Verify.rsaWithJava(pem, tampered, signature)).isFalse();
        assertThat(Verify.rsaWithOpenssl(dir, pem, tampered, signature)).contains("Verification failure");

        JsonNode listed = org.api().execute(LIST).data("webhooks");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("enabled").asBoolean()).isTrue();
        assertThat(org.api().execute("query($id: ID!) { webhook(id: $id) { url } }",
                Map.of("id", webhook.path("id").asString())).data("webhook").path("url").asString()).isEqualTo(receiver.url());
    }

    @Test
    void servesThePublicKeyAsPlainText() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/id_rsa.pub")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        assertThat(response.body()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 404, 301, 302, 400, 429})
    void nonSuccessAnswersFailRegistrationAndStoreNothing(int status) {
        TestOrganization org = newOrganization();
        receiver.answering(r -> new Reply(status,
                status / 100 == 3 ? Map.of("Location", "http://127.0.0.1:1/elsewhere") : Map.of(), Duration.ZERO));

        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", receiver.url()));

        assertTestFailed(response, "HTTP " + status);
        assertThat(receiver.received()).hasSize(1);
        assertThat(org.api().execute(LIST).data("webhooks")).isEmpty();
    }

    @Test
    void anyTwoHundredCodeCounts() {
        TestOrganization org = newOrganization();
        receiver.answering(204);
        assertThat(org.api().execute(REGISTER, Map.of("url", receiver.url())).hasErrors()).isFalse();
        receiver.answering(299);
        assertThat(org.api().execute(REGISTER, Map.of("url", receiver.url("/other"))).hasErrors()).isFalse();
        assertThat(org.api().execute(LIST).data("webhooks")).hasSize(2);
    }

    @Test
    void aReceiverThatHangsPastTheTimeoutFailsWithTimeout() {
        TestOrganization org = newOrganization();
        receiver.answering(r -> new Reply(200, Map.of(), Duration.ofSeconds(6)));
        long started = System.nanoTime();

        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", receiver.url()));

        assertTestFailed(response, "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(org.api().execute(LIST).data("webhooks")).isEmpty();
    }

    @Test
    void aSocketThatAcceptsButNeverAnswersTimesOut() throws Exception {
        TestOrganization org = newOrganization();
        var accepted = new CopyOnWriteArrayList<Socket>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            GraphQl.Response response = org.api().execute(REGISTER,
                    Map.of("url", "http://127.0.0.1:" + silent.getLocalPort() + "/hook"));
            assertTestFailed(response, "timeout");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void anAbsentReceiverFailsWithConnectionRefused() throws Exception {
        TestOrganization org = newOrganization();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", "http://127.0.0.1:" + closedPort + "/hook"));
        assertTestFailed(response, "connection refused");
        assertThat(org.api().execute(LIST).data("webhooks")).isEmpty();
    }

    @Test
    void aServerThatDoesNotSpeakTlsBehindAnHttpsUrlFailsWithTlsFailure() throws Exception {
        TestOrganization org = newOrganization();
        try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    // What a plain-HTTP server answers to a TLS ClientHello.
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (Exception ignored) {
                    // test ends
                }
            });
            server.setDaemon(true);
            server.start();
            GraphQl.Response response = org.api().execute(REGISTER,
                    Map.of("url", "https://127.0.0.1:" + plain.getLocalPort() + "/hook"));
            assertTestFailed(response, "tls failure");
        }
    }

    @Test
    void registeringTheSameUrlAgainReturnsTheExistingWebhookWithoutATest() {
        TestOrganization org = newOrganization();
        String id = org.api().execute(REGISTER, Map.of("url", receiver.url())).data("registerWebhook").path("id").asString();
        String sameUrlOtherSpelling = receiver.url().replace("http://127.0.0.1", "HTTP://127.0.0.1");

        GraphQl.Response again = org.api().execute(REGISTER, Map.of("url", sameUrlOtherSpelling));

        assertThat(again.data("registerWebhook").path("id").asString()).isEqualTo(id);
        assertThat(receiver.received()).hasSize(1);
        assertThat(org.api().execute(LIST).data("webhooks")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "ftp://127.0.0.1/hook", "javascript:alert(1)", "file:///etc/passwd",
            "http://user:pass@127.0.0.1/hook", "http:///nohost", "http://127.0.0.1:99999/hook", "//127.0.0.1/hook",
            "http://127.0.0.1/hook\u0000", "http://exa mple.com/"})
    void malformedUrlsAreRefusedWithBadUserInput(String url) {
        TestOrganization org = newOrganization();
        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", url));
        assertThat(response.errorCode()).as(response.raw()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.firstError().path("extensions").path("field").asString()).isEqualTo("url");
        assertThat(receiver.received()).isEmpty();
        assertThat(org.api().execute(LIST).data("webhooks")).isEmpty();
    }

    @Test
    void aUrlLongerThan2048CharactersIsRefused() {
        TestOrganization org = newOrganization();
        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", receiver.url() + "?" + "a".repeat(2048)));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.firstError().path("message").asString()).contains("2048");
    }

    @Test
    void anOrganizationMayHaveAtMostFiftyWebhooks() {
        TestOrganization org = newOrganization();
        for (int i = 0; i < 50; i++) {
            assertThat(org.api().execute(REGISTER, Map.of("url", receiver.url("/hook" + i))).hasErrors()).isFalse();
        }
        GraphQl.Response response = org.api().execute(REGISTER, Map.of("url", receiver.url("/hook50")));
        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.firstError().path("message").asString()).contains("at most 50");
        assertThat(receiver.received()).hasSize(50);
    }

    @Test
    void updateRetestsTheNewUrlAndKeepsTheOldOneWhenTheTestFails() {
        TestOrganization org = newOrganization();
        String id = org.api().execute(REGISTER, Map.of("url", receiver.url())).data("registerWebhook").path("id").asString();
        String update = "mutation($id: ID!, $url: String!) { updateWebhook(id: $id, url: $url) { id url lastUpdatedAt } }";

        receiver.answering(r -> r.path().equals("/new") ? Reply.status(200) : Reply.status(500));
        GraphQl.Response updated = org.api().execute(update, Map.of("id", id, "url", receiver.url("/new")));
        assertThat(updated.data("updateWebhook").path("url").asString()).isEqualTo(receiver.url("/new"));
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).path()).isEqualTo("/new");

        GraphQl.Response failed = org.api().execute(update, Map.of("id", id, "url", receiver.url("/broken")));
        assertTestFailed(failed, "HTTP 500");
        assertThat(org.api().execute(LIST).data("webhooks").get(0).path("url").asString()).isEqualTo(receiver.url("/new"));
    }

    @Test
    void deleteRemovesTheWebhookAndAllowsRegisteringTheUrlAgain() {
        TestOrganization org = newOrganization();
        String id = org.api().execute(REGISTER, Map.of("url", receiver.url())).data("registerWebhook").path("id").asString();

        GraphQl.Response deleted = org.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", id));

        assertThat(deleted.data("deleteWebhook").asBoolean()).isTrue();
        assertThat(org.api().execute(LIST).data("webhooks")).isEmpty();
        assertThat(org.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", id)).errorCode())
                .isEqualTo("NOT_FOUND");
        String again = org.api().execute(REGISTER, Map.of("url", receiver.url())).data("registerWebhook").path("id").asString();
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void anotherOrganizationsWebhookIsNotFoundEverywhere() {
        TestOrganization owner = newOrganization();
        TestOrganization other = newOrganization();
        String id = owner.api().execute(REGISTER, Map.of("url", receiver.url())).data("registerWebhook").path("id").asString();

        assertThat(other.api().execute("query($id: ID!) { webhook(id: $id) { id } }", Map.of("id", id)).data("webhook").isNull()).isTrue();
        GraphQl.Response update = other.api().execute("mutation($id: ID!, $url: String!) { updateWebhook(id: $id, url: $url) { id } }",
                Map.of("id", id, "url", receiver.url("/x")));
        assertThat(update.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(update.firstError().path("message").asString()).isEqualTo("webhook not found");
        assertThat(other.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", id)).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(other.api().execute(LIST).data("webhooks")).isEmpty();
        assertThat(owner.api().execute(LIST).data("webhooks")).hasSize(1);
    }

    @Test
    void missingOrWrongTokensGet401InTheGraphQlErrorShape() {
        for (GraphQl client : new GraphQl[] {anonymous(), withToken("vm_wrong"), withToken(""), withToken("x".repeat(5000))}) {
            GraphQl.Response response = client.execute(LIST);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body().toString()).matches(
                    "\\{\"errors\":\\[\\{\"message\":\"[^\"]*Authorization: Bearer <token>[^\"]*\","
                            + "\"extensions\":\\{\"code\":\"UNAUTHENTICATED\"}}]}");
        }
    }

    @Test
    void aRevokedTokenIsRefused() {
        TestOrganization org = newOrganization();
        var caller = accounts.authenticate(org.token()).orElseThrow();
        assertThat(accounts.revokeToken(caller.tokenId())).isTrue();
        assertThat(org.api().execute(LIST).status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() {
        TestOrganization readOnly = newOrganization(EnumSet.of(Scope.READ_WEBHOOKS));
        GraphQl.Response write = readOnly.api().execute(REGISTER, Map.of("url", receiver.url()));
        assertThat(write.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(write.firstError().path("message").asString()).isEqualTo("missing scope write:webhooks");
        assertThat(receiver.received()).isEmpty();

        TestOrganization messagesOnly = newOrganization(EnumSet.of(Scope.READ_MESSAGES));
        GraphQl.Response read = messagesOnly.api().execute(LIST);
        assertThat(read.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(read.firstError().path("message").asString()).isEqualTo("missing scope read:webhooks");
    }

    private static void assertTestFailed(GraphQl.Response response, String reason) {
        assertThat(response.status()).isEqualTo(200);
        JsonNode error = response.firstError();
        assertThat(error.path("message").asString()).as(response.raw()).isEqualTo("webhook failed to respond successfully");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("WEBHOOK_TEST_FAILED");
        assertThat(error.path("extensions").path("reason").asString()).isEqualTo(reason);
    }
}
