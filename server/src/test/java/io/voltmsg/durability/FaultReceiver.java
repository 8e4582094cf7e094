package io.voltmsg.durability;

import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.TestReceiver.Reply;
import io.voltmsg.testing.Verify;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver that checks the RSA signature of everything it gets, remembers every event by its
 * {@code webhook-id}, and can be told to answer 503 for a while, as a receiver under maintenance does.
 */
final class FaultReceiver implements AutoCloseable {

    /** An event as received: its type and the message it is about. */
    record Event(String type, String messageId) {
    }

    private final TestReceiver http = new TestReceiver();
    private final Map<String, Event> events = new ConcurrentHashMap<>();
    /** Requests accepted per (endpoint path, webhook-id): more than one is a repeat. */
    private final Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();
    private final Set<String> badSignatures = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile String publicKey;
    private volatile long unavailableUntilNanos;

    FaultReceiver() {
        http.answering(this::answer);
    }

    void trust(String rsaPublicKeyPem) {
        this.publicKey = rsaPublicKeyPem;
    }

    String url(String path) {
        return http.url(path);
    }

    /** Answers 503 to every event for {@code seconds} (registration test requests still get 200). */
    void unavailableFor(int seconds) {
        unavailableUntilNanos = System.nanoTime() + seconds * 1_000_000_000L;
    }

    private Reply answer(TestReceiver.Received request) {
        String id = request.header("webhook-id");
        JsonNode body = GraphQl.JSON.readTree(request.bodyText());
        String type = body.path("type").asString();
        try {
            String signature = request.header("x-respond-flow-signature");
            if (publicKey != null && (signature == null || !Verify.rsaWithJava(publicKey, request.body(), signature))) {
                badSignatures.add(id == null ? "(no webhook-id)" : id);
            }
        } catch (Exception e) {
            badSignatures.add(String.valueOf(id));
        }
        if (!"webhook.test".equals(type) && System.nanoTime() - unavailableUntilNanos < 0) {
            refused.incrementAndGet();
            return Reply.status(503);
        }
        if (id != null && !"webhook.test".equals(type)) {
            events.putIfAbsent(id, new Event(type, body.path("payload").path("id").asString()));
            copies.computeIfAbsent(request.path() + " " + id, k -> new AtomicInteger()).incrementAndGet();
        }
        return Reply.status(200);
    }

    /** Distinct (endpoint, event) pairs received: events times the endpoints they fanned out to. */
    int deliveries() {
        return copies.size();
    }

    Map<String, Event> events() {
        return Map.copyOf(events);
    }

    /** Requests accepted beyond the first of each event at each endpoint (at-least-once repeats and re-sends). */
    int duplicates() {
        return copies.values().stream().mapToInt(c -> c.get() - 1).sum();
    }

    int refused() {
        return refused.get();
    }

    Set<String> badSignatures() {
        return Set.copyOf(badSignatures);
    }

    @Override
    public void close() {
        http.close();
    }
}
