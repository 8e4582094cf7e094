package io.voltmsg.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and malformed GraphQL: always a clear error in the GraphQL shape, never a 500 or a stack trace. */
class MalformedRequestTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "[]", "\"query\"", "{}", "{\"query\": 5}", "{\"query\": \"\"}",
            "{\"query\": \"{ webhooks { id } }\", \"variables\": [1]}", "{\"query\": \"{ webhooks { id } }\", \"operationName\": 7}",
            "null", "{\"query\": null}"})
    void aBodyThatIsNotAGraphQlRequestGets400(String body) {
        GraphQl.Response response = newOrganization().api().postRaw(body);
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(response.firstError().path("message").asString()).isNotBlank();
        assertClean(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ webhooks { id }", "mutation { registerWebhook(url: ) { id } }", "}}}}", "query query query",
            "{ webhooks { id ... } }", "\u0000\u0001"})
    void syntaxErrorsAreReportedAsParseFailures(String query) {
        GraphQl.Response response = newOrganization().api().execute(query);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errorCode()).as(response.raw()).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertClean(response);
    }

    @Test
    void unknownFieldsAndWrongVariableTypesAreValidationErrors() {
        GraphQl api = newOrganization().api();
        GraphQl.Response unknownField = api.execute("{ webhooks { id password } }");
        assertThat(unknownField.errorCode()).as(unknownField.raw()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(unknownField.firstError().path("message").asString()).contains("password");

        GraphQl.Response wrongType = api.execute("mutation($url: String!) { registerWebhook(url: $url) { id } }",
                Map.of("url", 42));
        assertThat(wrongType.errorCode()).as(wrongType.raw()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(wrongType.firstError().path("message").asString()).contains("url");

        GraphQl.Response missing = api.execute("mutation($url: String!) { registerWebhook(url: $url) { id } }", Map.of());
        assertThat(missing.errorCode()).as(missing.raw()).isEqualTo("GRAPHQL_VALIDATION_FAILED");

        GraphQl.Response wrongObject = api.execute("query($id: ID!) { webhook(id: $id) { id } }",
                Map.of("id", Map.of("nested", true)));
        // graphql-java turns an object into an ID string; what matters is a clean answer: no such webhook.
        assertThat(wrongObject.data("webhook").isNull()).as(wrongObject.raw()).isTrue();
        assertClean(wrongObject);
    }

    @Test
    void aOneMegabyteQueryIsRefusedClearly() {
        String query = "{ webhooks { id } }" + " ".repeat(1024 * 1024);
        GraphQl.Response response = newOrganization().api().execute(query);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(response.firstError().path("message").asString()).contains("larger than");
    }

    @Test
    void aLargeButAcceptedBodyWithTooManyTokensIsAParseError() {
        String query = "{ " + "webhooks { id } ".repeat(20_000) + "}";
        GraphQl.Response response = newOrganization().api().execute(query);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errorCode()).as(response.raw().substring(0, 200)).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertClean(response);
    }

    @Test
    void twoHundredDeepNestingIsRefused() {
        String deep = "{ webhooks ".repeat(1) + "{ id ".repeat(0) + nested(200) + " }";
        GraphQl.Response response = newOrganization().api().execute(deep);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.hasErrors()).isTrue();
        assertThat(response.errorCode()).as(response.raw().substring(0, Math.min(300, response.raw().length())))
                .isIn("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX");
        assertClean(response);

        String deepFragments = "query { webhooks { ...a } } " + "fragment a on Webhook { id }";
        assertThat(newOrganization().api().execute(deepFragments).hasErrors()).isFalse();
    }

    @Test
    void depthBeyondTheLimitOnAValidSchemaPathIsQueryTooComplex() {
        // __type/ofType lets a valid document nest arbitrarily deep.
        String deep = "{ __type(name: \"Webhook\") { " + "ofType { ".repeat(30) + "name" + " }".repeat(30) + " } }";
        GraphQl.Response response = newOrganization().api().execute(deep);
        assertThat(response.errorCode()).as(response.raw()).isEqualTo("QUERY_TOO_COMPLEX");
        assertClean(response);
    }

    @Test
    void nullAndOversizedIdsAreHandled() {
        GraphQl api = newOrganization().api();
        GraphQl.Response huge = api.execute("query($id: ID!) { webhook(id: $id) { id } }", Map.of("id", "x".repeat(100_000)));
        assertThat(huge.hasErrors()).isFalse();
        assertThat(huge.data("webhook").isNull()).isTrue();
        GraphQl.Response weird = api.execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", "'; drop table webhooks; --"));
        assertThat(weird.errorCode()).isEqualTo("NOT_FOUND");
    }

    private static String nested(int depth) {
        return "{ a ".repeat(depth) + "}".repeat(depth);
    }

    private static void assertClean(GraphQl.Response response) {
        assertThat(response.status()).isNotEqualTo(500);
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at io.voltmsg").doesNotContain("at org.");
    }
}
