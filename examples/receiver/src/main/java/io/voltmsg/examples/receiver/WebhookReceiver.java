package io.voltmsg.examples.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voltmsg.sdk.MessagePayload;
import io.voltmsg.sdk.SeenIds;
import io.voltmsg.sdk.TestPayload;
import io.voltmsg.sdk.VerifiedWebhook;
import io.voltmsg.sdk.WebhookEvent;
import io.voltmsg.sdk.WebhookVerificationException;
import io.voltmsg.sdk.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Receives webhooks on a JDK {@code HttpServer}: verifies each request with the SDK, drops
 * duplicates, prints the event. Answers 204 for a new event, 200 for a duplicate, 400 when
 * verification fails (503 when the keys cannot be fetched, so voltmsg retries).
 */
final class WebhookReceiver implements AutoCloseable {

    /** Webhook bodies are at most 256 KiB; anything much larger is not one. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final WebhookVerifier verifier;
    private final SeenIds seen = SeenIds.inMemory();
    private final PrintStream out;

    WebhookReceiver(String host, int port, String path, WebhookVerifier verifier, PrintStream out) throws IOException {
        this.verifier = verifier;
        this.out = out;
        server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.setExecutor(executor);
        server.createContext(path, this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                answer(exchange, 405, "POST only");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                answer(exchange, 413, "body too large");
                return;
            }
            VerifiedWebhook webhook;
            try {
                webhook = verifier.verify(exchange.getRequestHeaders(), body);
            } catch (WebhookVerificationException e) {
                out.println("rejected: " + e.reason() + ": " + e.getMessage());
                boolean retryLater = e.reason() == WebhookVerificationException.Reason.KEYS_UNAVAILABLE;
                answer(exchange, retryLater ? 503 : 400, e.reason() + ": " + e.getMessage());
                return;
            }
            if (!seen.firstTime(webhook.id())) {
                out.println("duplicate: " + webhook.id());
                answer(exchange, 200, "duplicate");
                return;
            }
            out.println(describe(webhook.event()));
            answer(exchange, 204, "");
        }
    }

    /** One line per event, e.g. {@code message.delivered evt_… msg_… +1555… -> +1555… delivered: "hello"}. */
    static String describe(WebhookEvent event) {
        String head = event.type() + " " + event.id() + " #" + event.sequence();
        if (event.payload() instanceof MessagePayload m) {
            return head + " " + m.id() + " " + m.fromNumber() + " -> " + m.toNumber() + " " + m.status()
                    + (m.errorCode() == null ? "" : " (" + m.errorCode() + ")") + ": \"" + m.text() + "\"";
        }
        if (event.payload() instanceof TestPayload test) {
            return head + " test of " + test.url();
        }
        return head;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
