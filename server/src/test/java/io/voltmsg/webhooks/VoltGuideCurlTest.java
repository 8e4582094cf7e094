package io.voltmsg.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.Verify;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The request from the Volt guide "Receiving message webhooks with the Volt GraphQL API", sent
 * with the real curl binary; only the host, the token and the receiver URL differ.
 */
class VoltGuideCurlTest extends IntegrationTest {

    @Test
    void theGuidesCurlCommandRegistersAWebhook(@TempDir Path dir) throws Exception {
        TestOrganization org = newOrganization();
        try (TestReceiver receiver = new TestReceiver()) {
            String data = "{\"query\":\"mutation registerWebhook ($url: String!) {\\n registerWebhook (url: $url) {\\n id\\n url\\n"
                    + " createdAt\\n lastUpdatedAt\\n }\\n}\",\"variables\":{\"url\":\"" + receiver.url("/webhooks") + "\"}}";
            Process curl = new ProcessBuilder(List.of("curl", "--silent", "--show-error",
                    "--location", "--request", "POST", "http://127.0.0.1:" + port + "/graphql",
                    "--header", "Authorization: Bearer " + org.token(),
                    "--header", "Content-Type: application/json",
                    "--data-raw", data)).redirectErrorStream(true).start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).as(output).isZero();

            JsonNode webhook = GraphQl.JSON.readTree(output).path("data").path("registerWebhook");
            assertThat(webhook.path("id").asString()).as(output).startsWith("wh_");
            assertThat(webhook.path("url").asString()).isEqualTo(receiver.url("/webhooks"));
            assertThat(webhook.path("createdAt").asString()).isNotEmpty();
            assertThat(webhook.path("lastUpdatedAt").asString()).isNotEmpty();

            assertThat(receiver.received()).hasSize(1);
            TestReceiver.Received test = receiver.received().get(0);
            String pem = GraphQl.get(port, "/id_rsa.pub");
            assertThat(Verify.rsaWithOpenssl(dir, pem, test.body(), test.header("x-respond-flow-signature")))
                    .contains("Verified OK");
        }
    }
}
