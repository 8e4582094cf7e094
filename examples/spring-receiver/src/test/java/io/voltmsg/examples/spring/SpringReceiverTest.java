package io.voltmsg.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.sdk.testing.KeyServer;
import io.voltmsg.sdk.testing.VectorSigner;
import io.voltmsg.sdk.testing.Vectors;
import io.voltmsg.sdk.testing.WebhookPost;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring example on a random loopback port, its keys from a key server serving the vector keys as
 * voltmsg does: a request signed now with them is logged as an event once; tampering is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SpringReceiverTest {

    static final Vectors.Case ONE = Vectors.named("one secret");
    static final KeyServer KEYS = new KeyServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("receiver.voltmsg-url", () -> KEYS.baseUri().toString());
        registry.add("receiver.secrets", () -> ONE.secrets().get(0));
    }

    @AfterAll
    static void stopKeys() {
        KEYS.close();
    }

    HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
        return WebhookPost.post(URI.create("http://127.0.0.1:" + port + "/webhooks"), headers, body);
    }

    @Test
    void verifiesEveryScheme(CapturedOutput output) throws Exception {
        Vectors.Case crlf = Vectors.named("CRLF line ends and a trailing newline in the body");
        Map<String, String> signed = VectorSigner.sign(crlf.eventId(), Instant.now().getEpochSecond(), crlf.body(),
                ONE.secrets().get(0));

        assertThat(post(signed, crlf.body()).statusCode()).isEqualTo(204);
        assertThat(output.getOut()).contains("message.delivered evt_01JDVECTORS0000000000000006 "
                + "msg_01JDVECTORS0000000000000003 +15550100001 -> +15550100003 delivered: \"line one\r\nline two\r\n\"");

        HttpResponse<String> again = post(signed, crlf.body());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate");

        byte[] normalised = crlf.bodyText().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tampered = post(signed, normalised);
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).startsWith("SIGNATURE_MISMATCH: ");

        // A v1 signature by another secret, RSA and v1a intact: every configured scheme must pass.
        Map<String, String> otherSecret = VectorSigner.sign(ONE.eventId(), Instant.now().getEpochSecond(), ONE.body(),
                "whsec_" + "A".repeat(43) + "=");
        HttpResponse<String> wrongV1 = post(otherSecret, ONE.body());
        assertThat(wrongV1.statusCode()).isEqualTo(400);
        assertThat(wrongV1.body()).isEqualTo("SIGNATURE_MISMATCH: no v1 signature in webhook-signature matches the configured secret");
        assertThat(output.getOut()).contains("rejected a webhook: SIGNATURE_MISMATCH");
    }

    @Test
    void aRequestWithoutSignaturesIsRefused() throws Exception {
        HttpResponse<String> response = post(Map.of(), ONE.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("MISSING_HEADER: missing header webhook-id");
    }
}
