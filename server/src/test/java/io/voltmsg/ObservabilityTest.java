package io.voltmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Only the health status is public; health components, metrics and Prometheus need {@code read:metrics}; the message,
 * SMPP and inbound meters and the health components and probe groups are there.
 */
class ObservabilityTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, String body) {
        JsonNode json() {
            return GraphQl.JSON.readTree(body);
        }
    }

    @Test
    void actuatorEndpointsOtherThanHealthAreRefusedWithoutTheScope() throws Exception {
        String noMetrics = newOrganization(EnumSet.complementOf(EnumSet.of(Scope.READ_METRICS))).token();
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator/health/db", "/actuator/health/carrier", "/actuator", "/actuator/env", "/actuator/beans")) {
            Answer anonymous = get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.json().path("errors").path(0).path("message").asString())
                    .contains("read:metrics", "Authorization: Bearer <token>");
            assertThat(anonymous.json().path("errors").path(0).path("extensions").path("code").asString())
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(get(path, "vm_wrong-token-value").status()).as(path).isEqualTo(401);
            Answer withoutScope = get(path, noMetrics);
            assertThat(withoutScope.status()).as(path).isIn(403, 404);
            if (withoutScope.status() == 403) {
                assertThat(withoutScope.json().path("errors").path(0).path("extensions").path("code").asString())
                        .isEqualTo("FORBIDDEN");
            }
        }
        // the public health answers say UP or DOWN and nothing else, with or without a token that lacks the scope
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            for (String token : new String[] {null, noMetrics}) {
                Answer health = get(path, token);
                assertThat(health.status()).as(path).isEqualTo(200);
                assertThat(health.json().propertyNames()).as(path + " " + health.body()).contains("status")
                        .isSubsetOf("status", "groups");
                assertThat(health.json().path("status").asString()).isEqualTo("UP");
            }
        }
    }

    @Test
    void withTheScopeHealthShowsItsComponentsAndProbeGroups() throws Exception {
        String metrics = newOrganization(EnumSet.of(Scope.READ_METRICS)).token();
        JsonNode health = get("/actuator/health", metrics).json();
        assertThat(health.path("components").propertyNames()).contains("db", "delivery", "carrier");
        assertThat(health.path("components").path("carrier").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("delivery").path("details").has("pending")).isTrue();

        JsonNode liveness = get("/actuator/health/liveness", metrics).json();
        assertThat(liveness.path("components").propertyNames()).contains("db", "delivery").doesNotContain("carrier");
        JsonNode readiness = get("/actuator/health/readiness", metrics).json();
        assertThat(readiness.path("components").propertyNames()).contains("db", "delivery", "carrier");
        assertThat(get("/actuator/health/carrier", metrics).status()).isEqualTo(200);
    }

    @Test
    void messageSmppAndInboundMetricsAreExposedToTheScope() throws Exception {
        TestOrganization org = newOrganization();
        String id = org.api().execute("mutation($to: String!, $from: String!) { createMessage(to: $to, from: $from, "
                + "body: \"metrics\") { id } }", Map.of("to", uniqueNumber(), "from", org.phoneNumber()))
                .data("createMessage").path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(org.api()
                .execute("query($id: ID!) { message(id: $id) { status } }", Map.of("id", id))
                .data("message").path("status").asString()));
        GraphQl.Response inbound = org.api().execute("mutation($from: String!, $to: String!) { simulateInboundMessage("
                + "from: $from, to: $to, body: \"hi\") { id } }", Map.of("from", uniqueNumber(), "to", org.phoneNumber()));
        assertThat(inbound.hasErrors()).as(inbound.raw()).isFalse();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String prometheus = get("/actuator/prometheus", org.token()).body();
            assertThat(prometheus).contains("voltmsg_messages_outbound_total ", "voltmsg_messages_inbound_total ",
                    "voltmsg_messages_final_total{status=\"delivered\"}",
                    "voltmsg_messages_time_to_sent_seconds_count ",
                    "voltmsg_messages_time_to_final_seconds_count{status=\"delivered\"}",
                    "voltmsg_smpp_bound 1.0", "voltmsg_smpp_window_in_use ", "voltmsg_smpp_reconnects_total ",
                    "voltmsg_smpp_submit_latency_seconds_count ",
                    "voltmsg_smpp_pdus_total{status=\"0x00000000\",type=\"submit_sm_resp\"}",
                    "voltmsg_smpp_pdus_total{status=\"0x00000000\",type=\"deliver_sm\"}");
            assertThat(counter(prometheus, "voltmsg_messages_outbound_total ")).isGreaterThanOrEqualTo(1);
            assertThat(counter(prometheus, "voltmsg_messages_inbound_total ")).isGreaterThanOrEqualTo(1);
        });
        Answer metric = get("/actuator/metrics/voltmsg.messages.outbound", org.token());
        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.json().path("measurements").path(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    private static double counter(String prometheus, String prefix) {
        return prometheus.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line ->
                Double.parseDouble(line.substring(prefix.length()).trim())).sum();
    }

    private Answer get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
