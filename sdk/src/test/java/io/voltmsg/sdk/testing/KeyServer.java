package io.voltmsg.sdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the vector public keys on loopback the way a voltmsg server does ({@code /id_rsa.pub},
 * {@code /id_rsa.next.pub}, {@code /.well-known/webhook-keys}), counting requests; a test can rotate
 * the RSA keys or make a path answer something else.
 */
public final class KeyServer implements AutoCloseable {

    /** A canned answer. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final String prefix;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public KeyServer() {
        this("");
    }

    /** Serves under {@code prefix} (e.g. {@code /voltmsg}), as behind a reverse proxy. */
    public KeyServer(String prefix) {
        this.prefix = prefix;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        serveRsa(Vectors.RSA_1, null);
        answer("/.well-known/webhook-keys", 200, Vectors.webhookKeysDocument());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The current RSA key, and the next one during a rotation (null: /id_rsa.next.pub answers 404). */
    public KeyServer serveRsa(String currentKeyId, String nextKeyId) {
        answer("/id_rsa.pub", 200, Vectors.rsaPem(currentKeyId));
        answer("/id_rsa.next.pub", nextKeyId == null ? 404 : 200, nextKeyId == null ? "" : Vectors.rsaPem(nextKeyId));
        return this;
    }

    public KeyServer answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
        return this;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Answer answer = null;
        if (path.startsWith(prefix)) {
            path = path.substring(prefix.length());
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            answer = answers.get(path);
        }
        if (answer == null) {
            answer = new Answer(404, "");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.status() >= 300 && answer.status() < 400) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
