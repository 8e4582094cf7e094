package io.voltmsg.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A real HTTP webhook receiver on loopback that records what it gets and answers as told. */
public final class TestReceiver implements AutoCloseable {

    /** One request as received: headers (lower-case names) and the exact body bytes. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What to answer: status, extra headers, delay, and the body ("ok" unless given). */
    public record Reply(int status, Map<String, String> headers, Duration delay, String body) {
        public Reply(int status, Map<String, String> headers, Duration delay) {
            this(status, headers, delay, "ok");
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), Duration.ZERO);
        }

        public static Reply body(int status, String body) {
            return new Reply(status, Map.of(), Duration.ZERO, body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> responder = r -> Reply.status(200);

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
            received.add(request);
            Reply reply = responder.apply(request);
            try {
                if (!reply.delay().isZero()) {
                    Thread.sleep(reply.delay().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : answer.length);
            if (reply.status() != 204) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public TestReceiver answering(int status) {
        return answering(r -> Reply.status(status));
    }

    public TestReceiver answering(Function<Received, Reply> responder) {
        this.responder = responder;
        return this;
    }

    public String url() {
        return url("/hook");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
