package io.voltmsg.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphQlRequestGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"query\":\"{ webhooks { id } }\"}", "{\"query\":\"q\",\"variables\":null,\"operationName\":null}",
            "{\"query\":\"q\",\"variables\":{\"a\":1},\"operationName\":\"Op\",\"extensions\":{}}"})
    void acceptsGraphQlRequestDocuments(String body) {
        assertThat(GraphQlRequestGuard.problemWith(body.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|not valid JSON", "{|not valid JSON", "[]|JSON object", "42|JSON object", "{}|non-empty \"query\"",
            "{\"query\":1}|non-empty \"query\"", "{\"query\":\"  \"}|non-empty \"query\"",
            "{\"query\":\"q\",\"variables\":\"x\"}|\"variables\"", "{\"query\":\"q\",\"operationName\":[]}|\"operationName\""})
    void saysWhatIsWrongOtherwise(String body, String message) {
        assertThat(GraphQlRequestGuard.problemWith(body.getBytes(StandardCharsets.UTF_8))).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0000{\"query\":\"q\"}"})
    void oddBytesAreNotJson(String body) {
        assertThat(GraphQlRequestGuard.problemWith(body.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }
}
