package io.voltmsg.messaging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Callers of {@code simulateInboundMessage} waiting for their message to come back through the carrier link,
 * matched by sender, recipient and text (MO PDUs carry no id of ours).
 */
@org.springframework.stereotype.Component
class SimulatedArrivals {

    private final Map<String, ConcurrentLinkedQueue<CompletableFuture<Message>>> waiting = new ConcurrentHashMap<>();

    /** Registers a wait; call {@link #forget} when done, whatever happened. */
    CompletableFuture<Message> expect(String from, String to, String body) {
        CompletableFuture<Message> arrived = new CompletableFuture<>();
        waiting.computeIfAbsent(key(from, to, body), k -> new ConcurrentLinkedQueue<>()).add(arrived);
        return arrived;
    }

    void forget(String from, String to, String body, CompletableFuture<Message> arrived) {
        ConcurrentLinkedQueue<CompletableFuture<Message>> queue = waiting.get(key(from, to, body));
        if (queue != null) {
            queue.remove(arrived);
        }
    }

    /** A recorded inbound message: the oldest caller waiting for one like it gets it. */
    void arrived(Message recorded) {
        ConcurrentLinkedQueue<CompletableFuture<Message>> queue =
                waiting.get(key(recorded.fromNumber(), recorded.toNumber(), recorded.body()));
        CompletableFuture<Message> waiter = queue == null ? null : queue.poll();
        if (waiter != null) {
            waiter.complete(recorded);
        }
    }

    private static String key(String from, String to, String body) {
        return from + '\u0000' + to + '\u0000' + body;
    }
}
