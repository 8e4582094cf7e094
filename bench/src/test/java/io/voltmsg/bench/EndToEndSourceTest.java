package io.voltmsg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.bench.EndToEnd.Source;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The load generator's GraphQL documents: what the benchmark sends must be what the server's schema takes. */
class EndToEndSourceTest {

    @Test
    void outboundBatchSendsEachMessageFromTheOrganizationsNumberToItsOwnHandset() {
        String document = Source.OUTBOUND.document(2);

        assertThat(document).isEqualTo("mutation($n: String!, $b: String!, $h0: String!, $h1: String!) {"
                + " m0: createMessage(from: $n, to: $h0, body: $b) { id }"
                + " m1: createMessage(from: $n, to: $h1, body: $b) { id } }");
    }

    @Test
    void inboundComesFromTheHandsetToTheOrganizationsNumber() {
        assertThat(Source.INBOUND.document(1)).isEqualTo("mutation($n: String!, $b: String!, $h0: String!) {"
                + " m0: simulateInboundMessage(from: $h0, to: $n, body: $b) { id } }");
    }

    @Test
    void handsetNumbersAreValidE164AndNeverTheSimulatorsFailureNumbers() {
        for (int i = 0; i < 1_000; i++) {
            String variables = Source.OUTBOUND.variables(3, "+15550100001", "wh_unused");
            assertThat(variables).startsWith("{\"n\":\"+15550100001\",\"b\":\"");
            Matcher handset = Pattern.compile("\"h\\d\":\"([^\"]+)\"").matcher(variables);
            int count = 0;
            while (handset.find()) {
                count++;
                assertThat(handset.group(1)).matches("^\\+[1-9]\\d{1,14}$").doesNotStartWith("+1500555");
            }
            assertThat(count).isEqualTo(3);
        }
    }

    @Test
    void testEventsGoToTheGivenWebhook() {
        assertThat(Source.TEST.document(2))
                .isEqualTo("mutation($w: ID!) { e0: sendTestEvent(webhookId: $w) { id } e1: sendTestEvent(webhookId: $w) { id } }");
        assertThat(Source.TEST.variables(2, "+15550100001", "wh_01")).isEqualTo("{\"w\":\"wh_01\"}");
    }

    @Test
    void messageEventsFanOutToEveryEndpointWhileATestEventGoesToOne() {
        assertThat(Source.OUTBOUND.deliveriesPerCall(2)).isEqualTo(6);
        assertThat(Source.INBOUND.deliveriesPerCall(2)).isEqualTo(2);
        assertThat(Source.TEST.deliveriesPerCall(2)).isEqualTo(1);
    }

    @Test
    void countsOnlyTheCallsTheServerAnsweredWithAnId() {
        String partly = "{\"errors\":[{\"message\":\"x\"}],\"data\":{\"m0\":{\"id\":\"msg_01\"},\"m1\":null}}";

        assertThat(Source.OUTBOUND.created(partly)).isEqualTo(1);
        assertThat(Source.TEST.created(partly)).isZero();
        assertThat(Source.TEST.created("{\"data\":{\"e0\":{\"id\":\"dlv_1\"},\"e1\":{\"id\":\"dlv_2\"}}}")).isEqualTo(2);
    }
}
