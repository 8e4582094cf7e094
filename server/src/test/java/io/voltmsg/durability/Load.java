package io.voltmsg.durability;

import io.voltmsg.testing.GraphQl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mixed load on an {@link Installation}, recording what the installation acknowledged: outbound messages
 * (createMessage, some to the SMSC's undeliverable and refusing numbers), inbound messages from the SMSC (a quarter
 * of them long enough to travel as concatenated parts), webhook registrations and re-sends. Requests that fail
 * (the server is down, or answers 503) are counted, never retried: only what was acknowledged must survive.
 */
final class Load implements AutoCloseable {

    private static final String CREATE = "mutation($to: String!, $from: String!, $body: String!) "
            + "{ createMessage(to: $to, from: $from, body: $body) { id } }";
    private static final String REGISTER = "mutation($u: String!) { registerWebhook(url: $u) { id } }";
    private static final String RESEND = "mutation($e: ID!, $w: ID!) { resendEvent(eventId: $e, webhookId: $w) { id } }";

    private final Installation installation;
    private final Random random;
    private final String firstWebhookId;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
    private final ExecutorService clients = Executors.newFixedThreadPool(4);
    /** createMessage answers: message id to body. */
    final Map<String, String> created = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> inboundSent = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final AtomicInteger registered = new AtomicInteger();
    final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();

    Load(Installation installation, long seed) {
        this.installation = installation;
        this.random = new Random(seed);
        GraphQl.Response first = installation.api().execute(REGISTER, Map.of("u", installation.receiver.url("/hook-0")));
        if (first.hasErrors()) {
            throw new IllegalStateException("registering the first webhook failed: " + first.raw());
        }
        this.firstWebhookId = first.data("registerWebhook").path("id").asString();
    }

    void start() {
        clock.scheduleAtFixedRate(() -> clients.execute(this::createMessage), 0, 60, TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(this::sendInbound, 100, 250, TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(() -> clients.execute(this::register), 5, 10, TimeUnit.SECONDS);
        clock.scheduleAtFixedRate(() -> clients.execute(this::resend), 3, 3, TimeUnit.SECONDS);
    }

    /** Stops issuing requests and waits for those under way. */
    @Override
    public void close() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
    }

    private void createMessage() {
        int n = sequence.incrementAndGet();
        String to;
        synchronized (random) {
            int pick = random.nextInt(20);
            to = pick == 0 ? "+15005550001" : pick == 1 ? "+15005550002" : "+1555" + (2_000_000 + random.nextInt(7_000_000));
        }
        String body = "out-" + n + "-" + Long.toString(System.nanoTime(), 36);
        GraphQl.Response response = call(CREATE, Map.of("to", to, "from", Installation.NUMBER, "body", body));
        if (response != null && !response.hasErrors()) {
            created.put(response.data("createMessage").path("id").asString(), body);
        }
    }

    private void sendInbound() {
        int n = sequence.incrementAndGet();
        boolean longOne;
        String from;
        synchronized (random) {
            longOne = random.nextInt(4) == 0;
            from = "+1555" + (2_000_000 + random.nextInt(7_000_000));
        }
        String text = "in-" + n + "-" + Long.toString(System.nanoTime(), 36);
        if (longOne) {
            text = text + " " + "long inbound text ".repeat(12).strip();
        }
        if (installation.mo(from, text)) {
            inboundSent.add(text);
        } else {
            failures.computeIfAbsent("mo while the SMSC was down", k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void register() {
        GraphQl.Response response = call(REGISTER, Map.of("u", installation.receiver.url("/hook-" + sequence.incrementAndGet())));
        if (response != null && !response.hasErrors()) {
            registered.incrementAndGet();
        }
    }

    private void resend() {
        List<String> known = new ArrayList<>(installation.receiver.events().keySet());
        if (known.isEmpty()) {
            return;
        }
        String eventId;
        synchronized (random) {
            eventId = known.get(random.nextInt(known.size()));
        }
        GraphQl.Response response = call(RESEND, Map.of("e", eventId, "w", firstWebhookId));
        if (response != null && !response.hasErrors()) {
            resent.incrementAndGet();
        }
    }

    /** The answer, or null when there was none (server down); failures are counted by what they were. */
    private GraphQl.Response call(String query, Map<String, ?> variables) {
        GraphQl api = installation.api();
        if (api == null) {
            failures.computeIfAbsent("no server", k -> new AtomicInteger()).incrementAndGet();
            return null;
        }
        try {
            GraphQl.Response response = api.execute(query, variables);
            if (response.hasErrors()) {
                String kind = "HTTP " + response.status() + " " + response.errorCode();
                failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            }
            return response;
        } catch (RuntimeException e) {
            failures.computeIfAbsent("no answer", k -> new AtomicInteger()).incrementAndGet();
            return null;
        }
    }
}
