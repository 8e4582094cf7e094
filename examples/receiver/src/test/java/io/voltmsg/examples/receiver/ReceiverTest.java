package io.voltmsg.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.sdk.testing.KeyServer;
import io.voltmsg.sdk.testing.VectorSigner;
import io.voltmsg.sdk.testing.Vectors;
import io.voltmsg.sdk.testing.WebhookPost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example receiver on a free loopback port, with a key server serving the vector keys as voltmsg
 * does: requests signed now with those keys print as events; duplicates, forgeries and replays do not.
 */
class ReceiverTest {

    static final Vectors.Case ONE = Vectors.named("one secret");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    KeyServer keys;
    WebhookReceiver receiver;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        keys = new KeyServer();
        ReceiverSettings settings = ReceiverSettings.parse(new String[] {"--port", "0", "--voltmsg",
            keys.baseUri().toString(), "--secret", ONE.secrets().get(0)}, Map.of());
        receiver = ReceiverMain.start(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        receiver.close();
        keys.close();
    }

    HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
        return WebhookPost.post(URI.create("http://127.0.0.1:" + receiver.port() + "/webhooks"), headers, body);
    }

    String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsVerifiedEventsOnceAndRefusesTheRest() throws Exception {
        assertThat(output()).startsWith("listening on http://127.0.0.1:" + receiver.port() + "/webhooks, checking [RSA, V1, V1A]");
        long now = Instant.now().getEpochSecond();
        Map<String, String> signed = VectorSigner.sign(ONE.eventId(), now, ONE.body(), ONE.secrets().get(0));

        HttpResponse<String> first = post(signed, ONE.body());
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(output()).contains("message.received evt_01JDVECTORS0000000000000001 #1 msg_01JDVECTORS0000000000000001 "
                + "+15550100002 -> +15550100001 received: \"Hello\"");

        HttpResponse<String> again = post(signed, ONE.body());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate");

        byte[] tampered = ONE.bodyText().replace("Hello", "Hellp").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> forged = post(signed, tampered);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).startsWith("SIGNATURE_MISMATCH: ");

        // The committed vector as it was sent in 2026-11-01: a replay now.
        HttpResponse<String> replayed = post(ONE.expectedHeaders(), ONE.body());
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).startsWith("TIMESTAMP_OUTSIDE_TOLERANCE: ");

        Map<String, String> noSignature = new java.util.LinkedHashMap<>(signed);
        noSignature.remove("X-Respond-Flow-Signature");
        assertThat(post(noSignature, ONE.body()).body()).isEqualTo("MISSING_HEADER: missing header X-Respond-Flow-Signature");

        assertThat(output().lines().filter(l -> l.startsWith("message."))).hasSize(1);
        assertThat(output()).contains("rejected: SIGNATURE_MISMATCH", "rejected: TIMESTAMP_OUTSIDE_TOLERANCE");
        assertThat(keys.requests("/id_rsa.pub")).isEqualTo(1);
    }

    @Test
    void theTestEventAndFailuresPrintTheirDetails() throws Exception {
        for (String name : List.of("webhook.test as the server sends it", "message.failed with every payload field")) {
            Vectors.Case c = Vectors.named(name);
            Map<String, String> signed = VectorSigner.sign(c.eventId(), Instant.now().getEpochSecond(), c.body(),
                    ONE.secrets().get(0));
            assertThat(post(signed, c.body()).statusCode()).isEqualTo(204);
        }
        assertThat(output()).contains("webhook.test evt_01JDVECTORS0000000000000007 #7 test of http://127.0.0.1:9000/webhooks")
                .contains("message.failed evt_01JDVECTORS0000000000000005 #5 msg_01JDVECTORS0000000000000002 +15550100001 -> "
                        + "+15005550001 undelivered (UNDELIV): \"to the void\"");
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port()
                + "/webhooks")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aBodyTooLargeIsRefusedBeforeVerification() throws Exception {
        HttpResponse<String> response = post(Map.of(), new byte[WebhookReceiver.MAX_BODY_BYTES + 1]);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void keysThatCannotBeFetchedAskForARetry() throws Exception {
        keys.answer("/id_rsa.pub", 500, "");
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = post(VectorSigner.sign(ONE.eventId(), now, ONE.body(), ONE.secrets().get(0)), ONE.body());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("KEYS_UNAVAILABLE: cannot fetch the webhook keys from " + keys.baseUri());
    }
}
