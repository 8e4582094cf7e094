package io.voltmsg.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP POSTs to /graphql, as any client would send them. */
public final class GraphQl {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The HTTP status and the parsed body. */
    public record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
        public JsonNode data(String field) {
            return body.path("data").path(field);
        }

        public JsonNode firstError() {
            return body.path("errors").path(0);
        }

        public String errorCode() {
            return firstError().path("extensions").path("code").asString();
        }

        public boolean hasErrors() {
            return body.has("errors") && !body.get("errors").isEmpty();
        }
    }

    private final int port;
    private final String token;

    public GraphQl(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public Response execute(String query, Map<String, ?> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        if (variables != null) {
            request.put("variables", variables);
        }
        return postRaw(JSON.writeValueAsString(request));
    }

    public Response execute(String query) {
        return execute(query, null);
    }

    public Response postRaw(String body) {
        return postRaw(body, "application/json");
    }

    /** A POST with this Content-Type header, or none when null. */
    public Response postRaw(String body, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = JSON.readTree(response.body());
            } catch (RuntimeException e) {
                parsed = JSON.createObjectNode();
            }
            return new Response(response.statusCode(), parsed, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String get(int port, String path) {
        return get(port, path, null);
    }

    /** A GET with {@code Authorization: Bearer <token>} (none when null), e.g. for metrics, which need read:metrics. */
    public static String get(int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
