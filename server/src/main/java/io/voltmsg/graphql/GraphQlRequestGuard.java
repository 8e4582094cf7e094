package io.voltmsg.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, in the GraphQL error shape, a POST to /graphql that is too large, is not JSON, or
 * has no {@code query}: such requests never reach the GraphQL engine, whose own answers to
 * them are not in our shape.
 */
final class GraphQlRequestGuard extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 512 * 1024;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String contentTypeProblem = contentTypeProblem(request.getContentType());
        if (contentTypeProblem != null) {
            JsonErrors.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), contentTypeProblem,
                    "UNSUPPORTED_MEDIA_TYPE");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        String problem = problemWith(body);
        if (problem != null) {
            JsonErrors.write(response, HttpStatus.BAD_REQUEST.value(), problem, "BAD_REQUEST");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Null for {@code application/json} (with any parameters), else what to send instead. */
    static String contentTypeProblem(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "no Content-Type: send the JSON request body with Content-Type: application/json";
        }
        try {
            org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(contentType);
            if (type.getType().equals("application") && type.getSubtype().equals("json")) {
                return null;
            }
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException: not a media type at all
            // reported below
        }
        String shown = contentType.length() > 60 ? contentType.substring(0, 60) + "…" : contentType;
        return "Content-Type must be application/json, got " + shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** Null when the body is a GraphQL request document, else what is wrong with it. */
    static String problemWith(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            return "request body is not valid JSON";
        }
        if (root == null || !root.isObject()) {
            return "request body must be a JSON object with a \"query\" string";
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isString() || query.asString().isBlank()) {
            return "request body must have a non-empty \"query\" string";
        }
        JsonNode variables = root.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            return "\"variables\" must be a JSON object";
        }
        JsonNode operationName = root.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            return "\"operationName\" must be a string";
        }
        return null;
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        JsonErrors.write(response, HttpStatus.CONTENT_TOO_LARGE.value(),
                "request body is larger than " + MAX_BODY_BYTES + " bytes", "BAD_REQUEST");
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
