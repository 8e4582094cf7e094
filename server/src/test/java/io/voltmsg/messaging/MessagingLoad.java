package io.voltmsg.messaging;

import com.sun.net.httpserver.HttpServer;
import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load driver (a main class, not a test): messages per second from {@code createMessage} to the
 * {@code message.finalized} webhook, through the embedded SMSC over loopback SMPP with the throughput limit lifted.
 *
 * <pre>
 * mvn -B -q -pl server test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/test-classpath.txt) \
 *      [-Dvoltmsg.test.db=postgres] io.voltmsg.messaging.MessagingLoad [messages=3000] [clients=8] [window=10]
 * </pre>
 * Starts a whole server in this JVM on a fresh database, one organization with one webhook pointing at a
 * minimal loopback receiver (answers 200), warms up, then creates the messages from {@code clients} threads and
 * waits for every message.finalized webhook.
 */
public final class MessagingLoad {

    private static final Pattern PAYLOAD_ID = Pattern.compile("\"payload\":\\{\"id\":\"(msg_[0-9A-Z]{26})\"");

    private MessagingLoad() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        double signsPerSecond = rsaSignsPerSecond();
        System.out.printf("RSA-2048 SHA256withRSA signs/s on one thread right now (JDK provider): %.0f;"
                + " 3 signed events per message => ceiling about %.0f messages/s per free core%n",
                signsPerSecond, signsPerSecond / 3);
        Set<String> finalized = ConcurrentHashMap.newKeySet();
        AtomicLong lastFinalizedNanos = new AtomicLong();
        AtomicInteger events = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            events.incrementAndGet();
            if (body.contains("\"type\":\"message.finalized\"")) {
                Matcher m = PAYLOAD_ID.matcher(body);
                if (m.find() && finalized.add(m.group(1))) {
                    lastFinalizedNanos.set(System.nanoTime());
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();

        Path dataDir = Files.createTempDirectory("voltmsg-load-");
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.put("voltmsg.carrier.smpp.throughput", "0");
        properties.put("voltmsg.carrier.smpp.window", String.valueOf(window));
        properties.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            AccountService accounts = server.getBean(AccountService.class);
            var org = accounts.createOrganization("Load " + java.util.UUID.randomUUID());
            String from = "+15550177777";
            accounts.addPhoneNumber(org.id(), from);
            GraphQl api = new GraphQl(Servers.port(server), accounts.issueToken(org.id(), EnumSet.allOf(Scope.class)).token());
            GraphQl.Response registered = api.execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                    Map.of("u", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
            if (registered.hasErrors()) {
                throw new IllegalStateException(registered.raw());
            }

            System.out.printf("warm-up: %d messages%n", Math.min(500, messages / 4));
            run(api, from, Math.min(500, messages / 4), clients, finalized, lastFinalizedNanos);
            finalized.clear();
            events.set(0);

            System.out.printf("measuring: %d messages from %d clients, window %d, throughput unlimited, %s%n", messages,
                    clients, window, TestDatabase.KIND);
            Result result = run(api, from, messages, clients, finalized, lastFinalizedNanos);
            System.out.printf("created   %d in %.2f s (%.0f createMessage/s)%n", messages, result.createSeconds,
                    messages / result.createSeconds);
            System.out.printf("finalized %d in %.2f s from the first createMessage: %.0f messages/s (%d webhooks, %.0f signed events/s)%n",
                    finalized.size(), result.totalSeconds, finalized.size() / result.totalSeconds, events.get(),
                    events.get() / result.totalSeconds);
        } finally {
            receiver.stop(0);
            ((ExecutorService) receiver.getExecutor()).shutdownNow();
        }
        System.exit(0);
    }

    /** The machine's signing speed at this moment: with 2 shared cores it bounds everything else. */
    private static double rsaSignsPerSecond() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.PrivateKey key = generator.generateKeyPair().getPrivate();
        byte[] body = new byte[600];
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            signature.initSign(key);
            signature.update(body);
            signature.sign();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private record Result(double createSeconds, double totalSeconds) {
    }

    private static Result run(GraphQl api, String from, int messages, int clients, Set<String> finalized,
                              AtomicLong lastFinalizedNanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < messages) {
                    GraphQl.Response response = api.execute(MessagingEndToEndTest.CREATE, Map.of(
                            "to", String.format("+1555030%04d", i % 10_000), "from", from, "body", "load test message " + i));
                    if (response.hasErrors()) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        long created = System.nanoTime();
        if (failures.get() > 0) {
            System.out.printf("  %d createMessage calls failed%n", failures.get());
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (finalized.size() < messages - failures.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new Result((created - start) / 1e9, (lastFinalizedNanos.get() - start) / 1e9);
    }

}
