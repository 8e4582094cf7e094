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
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/graphql", "json", "application/xml", "application/graphql+json", "a/b/c;;"})
    void aMissingOrWrongContentTypeGets415InTheErrorShape(String contentType) {
        GraphQl.Response response = newOrganization().api().postRaw("{\"query\": \"{ webhooks { id } }\"}",
                contentType.isEmpty() ? null : contentType);
        assertThat(response.status()).as(response.raw()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(response.firstError().path("message").asString()).contains("application/json");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertClean(response);
    }

    @Test
    void jsonContentTypesWithParametersAreAccepted() {
        GraphQl api = newOrganization().api();
        for (String type : new String[] {"application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=UTF-8"}) {
            GraphQl.Response response = api.postRaw("{\"query\": \"{ webhooks { id } }\"}", type);
            assertThat(response.status()).as(type + ": " + response.raw()).isEqualTo(200);
            assertThat(response.hasErrors()).as(response.raw()).isFalse();
        }
    }

    @Test
    void aCostlyQueryIsRefusedBeforeItRuns() {
        GraphQl api = newOrganization().api();
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            aliases.append(" m").append(i).append(": messages(first: 100) { edges { node { id body } } }");
        }
        GraphQl.Response tooMany = api.execute(aliases.append(" }").toString());
        assertThat(tooMany.status()).isEqualTo(200);
        assertThat(tooMany.errorCode()).as(tooMany.raw()).isEqualTo("QUERY_TOO_COSTLY");
        assertThat(tooMany.firstError().path("extensions").path("rootFields").asInt()).isEqualTo(500);
        assertThat(tooMany.firstError().path("extensions").path("maxRootFields").asInt()).isEqualTo(50);
        assertThat(tooMany.body().path("data").isMissingNode() || tooMany.body().path("data").isNull()).isTrue();
        assertThat(tooMany.raw().length()).isLessThan(1000);

        StringBuilder pages = new StringBuilder("{ webhooks { id }");
        for (int i = 0; i < 20; i++) {
            pages.append(" m").append(i).append(": messages(first: 100) { edges { node { id } } }");
        }
        GraphQl.Response tooManyItems = api.execute(pages.append(" }").toString());
        assertThat(tooManyItems.errorCode()).as(tooManyItems.raw()).isEqualTo("QUERY_TOO_COSTLY");
        assertThat(tooManyItems.firstError().path("extensions").path("listItems").asLong()).isEqualTo(2020);
        assertThat(tooManyItems.firstError().path("message").asString()).contains("2020 list items", "2000");

        GraphQl.Response withinBudget = api.execute("{ a: messages(first: 100) { edges { node { id } } } webhooks { id } }");
        assertThat(withinBudget.hasErrors()).as(withinBudget.raw()).isFalse();
    }

    @Test
    void the401SaysHowToAuthenticate() {
        GraphQl.Response none = anonymous().execute("{ webhooks { id } }");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(none.firstError().path("message").asString()).contains("no API token", "Authorization: Bearer <token>");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        GraphQl.Response wrong = withToken("vm_not-a-real-token").execute("{ webhooks { id } }");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.firstError().path("message").asString()).contains("not accepted", "Authorization: Bearer <token>");
        assertClean(none);
        assertClean(wrong);
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
