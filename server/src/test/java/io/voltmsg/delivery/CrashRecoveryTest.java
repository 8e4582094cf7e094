package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.ServerProcess;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.TestReceiver.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * At-least-once across real process death, on PostgreSQL (run once, in the PostgreSQL run):
 * kill -9 with thousands of events in flight loses none; two processes sharing one database
 * deliver everything between them.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class CrashRecoveryTest {

    private static final String REGISTER = "mutation($u: String!) { registerWebhook(url: $u) { id } }";
    private static final String SEND_TEST_EVENT = "mutation($w: ID!) { sendTestEvent(webhookId: $w) { id } }";
    private static final int MAX_IN_FLIGHT = 64;
    private static final int EVENTS = Integer.getInteger("voltmsg.test.crash-events", 2000);

    @Test
    void killDashNineWithTwoThousandEventsInFlightLosesNothing(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the crash test runs once, in the PostgreSQL run");
        Map<String, Object> properties = processProperties(TestDatabase.fresh(), dir);
        Counter counter = new Counter();
        // 200 ms per answer and at most 10 at once per endpoint: about 50 events/s, so most are still
        // pending or in flight when the process dies.
        try (TestReceiver receiver = new TestReceiver().answering(counter.slowly(Duration.ofMillis(200)))) {
            String token;
            String webhookId;
            try (ServerProcess first = ServerProcess.start(properties, dir, "first")) {
                token = bootstrapToken();
                webhookId = register(first, token, receiver);
                counter.clear();
                createEvents(first, token, webhookId, EVENTS);
                await().atMost(Duration.ofSeconds(60)).until(() -> counter.distinct() >= EVENTS / 10);
                first.kill();
            }
            int receivedBeforeKill = counter.total();
            assertThat(counter.distinct()).as("the kill must interrupt the flow").isLessThan(EVENTS);

            try (ServerProcess second = ServerProcess.start(properties, dir, "second")) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> counter.distinct() >= EVENTS);
                assertThat(counter.distinct()).isEqualTo(EVENTS);
                // Only deliveries in flight at the kill (claimed, maybe sent, outcome not recorded) may repeat.
                assertThat(counter.duplicates()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
                assertThat(receivedBeforeKill).isPositive();
            }
        }
    }

    @Test
    void twoProcessesOnOneDatabaseDeliverEveryEvent(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "runs once, in the PostgreSQL run");
        Map<String, Object> properties = processProperties(TestDatabase.fresh(), dir);
        Counter counter = new Counter();
        try (TestReceiver receiver = new TestReceiver().answering(counter.slowly(Duration.ZERO));
             ServerProcess a = ServerProcess.start(properties, dir, "a");
             ServerProcess b = ServerProcess.start(properties, dir, "b")) {
            String token = bootstrapToken();
            String webhookId = register(a, token, receiver);
            counter.clear();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<?> viaA = pool.submit(() -> createEvents(a, token, webhookId, 2500));
            Future<?> viaB = pool.submit(() -> createEvents(b, token, webhookId, 2500));
            viaA.get();
            viaB.get();
            pool.shutdown();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> counter.distinct() >= 5000);
            assertThat(counter.distinct()).isEqualTo(5000);
            assertThat(counter.duplicates()).isZero();
        }
    }

    private static Map<String, Object> processProperties(TestDatabase database, Path dir) {
        Map<String, Object> properties = Servers.properties(database, dir.resolve("data"));
        properties.put("voltmsg.bootstrap.token", bootstrapToken());
        properties.put("voltmsg.delivery.max-in-flight", MAX_IN_FLIGHT);
        properties.put("voltmsg.delivery.connect-timeout", "2s");
        properties.put("voltmsg.delivery.response-timeout", "5s");
        properties.put("voltmsg.delivery.lease", "15s");
        properties.put("logging.level.io.voltmsg.delivery", "ERROR");
        return properties;
    }

    private static String bootstrapToken() {
        return "crash-test-token-0123456789abcdef";
    }

    private static String register(ServerProcess server, String token, TestReceiver receiver) {
        GraphQl.Response response = new GraphQl(server.port(), token).execute(REGISTER, Map.of("u", receiver.url()));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        return response.data("registerWebhook").path("id").asString();
    }

    /** Creates {@code count} events through the public API, four requests at a time. */
    private static void createEvents(ServerProcess server, String token, String webhookId, int count) {
        GraphQl api = new GraphQl(server.port(), token);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sends.add(clients.submit(() -> {
                    GraphQl.Response response = api.execute(SEND_TEST_EVENT, Map.of("w", webhookId));
                    assertThat(response.hasErrors()).as(response.raw()).isFalse();
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            clients.shutdown();
        }
    }

    /** Counts deliveries by event id (the body's {@code id}, equal to {@code webhook-id}). */
    private static final class Counter {
        private final Map<String, AtomicInteger> byEvent = new ConcurrentHashMap<>();

        Function<TestReceiver.Received, Reply> slowly(Duration delay) {
            return request -> {
                JsonNode body = GraphQl.JSON.readTree(request.body());
                byEvent.computeIfAbsent(body.path("id").asString(), k -> new AtomicInteger()).incrementAndGet();
                return new Reply(200, Map.of(), delay);
            };
        }

        /** Forgets the registration test request, which arrives before any event. */
        void clear() {
            byEvent.clear();
        }

        int distinct() {
            return byEvent.size();
        }

        int total() {
            return byEvent.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int duplicates() {
            return total() - distinct();
        }
    }
}
