package io.voltmsg.graphql;

import io.voltmsg.shared.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Transport-level errors in the GraphQL error shape, for requests that never reach GraphQL. */
final class JsonErrors {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonErrors() {
    }

    /** HTTP 503: the database cannot serve now; the caller may send the same request again after a while. */
    static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
        write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseFailures.MESSAGE, "UNAVAILABLE");
    }

    static void write(HttpServletResponse response, int status, String message, String code) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        byte[] body = MAPPER.writeValueAsBytes(Map.of("errors", List.of(error)));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
