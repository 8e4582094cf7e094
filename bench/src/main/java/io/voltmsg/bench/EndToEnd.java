package io.voltmsg.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * End-to-end load generator: creates events at a set rate through the public GraphQL API of a
 * running server, receives them on loopback receivers that verify the RSA and {@code v1}
 * signatures of every request and {@code v1a} on 1%, and reports sustained events/s and latency
 * from event commit (the body's {@code createdAt}) to receipt, and what one event cost over the
 * measuring window: CPU of the server, the SMSC, this process and PostgreSQL, and the server's SQL
 * statements and commits (see {@link PerEvent}).
 *
 * <p>Arguments: {@code --url http://127.0.0.1:8080 --token T --source outbound --number +15550100001
 * --duration 60 --rate 2000 --endpoints 1 --threads 32 --batch 1 --rsa-sign-per-s 1200 --server-pid P
 * --smsc-pid P --postmaster-pid P --clock-ticks 100} (a pid of 0: no such process in this run; the server's
 * is required). {@code --source} says what creates
 * the events (see {@link Source}); {@code --rate} is in events/s whatever the source. {@code --batch N}
 * sends N aliased mutations in one GraphQL document, as a client creating in bulk would; each is still
 * its own message or event, transaction and delivery.
 */
public final class EndToEnd {

    private static final Pattern ID = Pattern.compile("\"id\":\"(evt_[0-9A-Z]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
    /** Wait after the last arrival before reading the costs: the server writes outcomes just after the answers. */
    private static final long SETTLE_MILLIS = 500;

    public static void main(String[] args) throws Exception {
        // The receiver verifies every request: with the fast provider it is never the bottleneck.
        com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.install();
        Map<String, String> options = parse(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        String token = options.get("token");
        int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
        int endpoints = Integer.parseInt(options.getOrDefault("endpoints", "1"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "32"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1"));
        Source source = Source.valueOf(options.getOrDefault("source", "outbound").toUpperCase(java.util.Locale.ROOT));
        String number = options.getOrDefault("number", "+15550100001");
        long rsaSignPerSecond = Long.parseLong(options.getOrDefault("rsa-sign-per-s", "0"));
        // Processes whose CPU is measured; 0 = not in this run (embedded SMSC, H2).
        long serverPid = Long.parseLong(options.getOrDefault("server-pid", "0"));
        long smscPid = Long.parseLong(options.getOrDefault("smsc-pid", "0"));
        long postmasterPid = Long.parseLong(options.getOrDefault("postmaster-pid", "0"));
        long clockTicks = Long.parseLong(options.getOrDefault("clock-ticks", "100"));
        if (serverPid <= 0) {
            throw new IllegalArgumentException("--server-pid is required: the server's CPU is read from /proc/<pid>/stat");
        }

        Api api = new Api(url, token);
        UsageReader usage = new UsageReader(api, serverPid, smscPid, postmasterPid);
        usage.read(); // fails now, not after the load, when the metrics or a process cannot be read
        PublicKey rsa = publicKey(api.get("/id_rsa.pub"));
        Receivers receivers = new Receivers(rsa);
        List<String> webhookIds = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            int port = receivers.start();
            String id = api.graphql("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                    "{\"u\":\"http://127.0.0.1:" + port + "/hook\"}").replaceAll("(?s).*\"id\":\"(wh_[^\"]+)\".*", "$1");
            String secret = api.graphql("query($id: ID!) { webhookSecret(id: $id) }", "{\"id\":\"" + id + "\"}")
                    .replaceAll("(?s).*\"webhookSecret\":\"(whsec_[^\"]+)\".*", "$1");
            receivers.secretFor(port, secret);
            webhookIds.add(id);
        }
        receivers.ed25519(api.get("/.well-known/webhook-keys"));

        System.out.printf("load: %d events/s for %d s (+%d s warm-up) through %d endpoint(s), %d client threads, %d %s per request (%s)%n",
                rate, duration, warmup, endpoints, threads, batch, source.mutation, source.description);
        if (endpoints > 1 && source != Source.TEST) {
            System.out.printf("fan-out: every event reaches %d endpoints; the figures below count deliveries (events x %d)%n",
                    endpoints, endpoints);
        }
        HeapSampler heap = new HeapSampler(api);
        heap.start();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Creator creator = new Creator(api, source, source.document(batch), number, webhookIds, batch, threads, sent, errors);
        // Warm-up (the server's JIT is cold), then let everything arrive before measuring, so that
        // the window starts with no backlog and its latencies and costs are the steady state's.
        creator.run(rate, Duration.ofSeconds(warmup));
        boolean settled = awaitAllReceived(receivers, sent, errors, Duration.ofSeconds(120));
        if (!settled) {
            System.out.printf("warning: %d warm-up events had not arrived when the window started; their work counts in the window's CPU%n",
                    sent.get() - errors.get() - receivers.distinct());
        }
        Thread.sleep(SETTLE_MILLIS);
        Usage atStart = usage.read();
        long createdBefore = sent.get() - errors.get();
        long windowStart = System.nanoTime();
        long windowEnd = windowStart + Duration.ofSeconds(duration).toNanos();
        receivers.measureFrom(windowStart, windowEnd);
        creator.run(rate, Duration.ofSeconds(duration));
        long createdInWindow = sent.get() - errors.get() - createdBefore;
        // What was created but not yet received when creation stopped is a backlog; how fast it
        // drains with no creation competing for the CPU is the delivery side's own capacity.
        long drainStart = System.nanoTime();
        long backlogAtStop = sent.get() - errors.get() - receivers.distinct();
        boolean drained = awaitAllReceived(receivers, sent, errors, Duration.ofSeconds(120));
        // The server writes a delivery's outcome just after its receiver answered: let the last ones land.
        Thread.sleep(SETTLE_MILLIS);
        Usage atEnd = usage.read();
        double heapAtEnd = heap.sample();
        heap.stop();
        if (backlogAtStop >= 100) {
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            long drainedEvents = backlogAtStop - (sent.get() - errors.get() - receivers.distinct());
            System.out.printf("backlog when creation stopped: %d events, drained %d in %.1f s (%.0f events/s delivered with no creation load)%n",
                    backlogAtStop, drainedEvents, drainSeconds, drainedEvents / drainSeconds);
        }
        System.out.printf("created %.0f events/s through the API in the window (offered %d/s)%n",
                createdInWindow / ((drainStart - windowStart) / 1e9), rate);
        long neverReceived = sent.get() - errors.get() - receivers.distinct();
        Receivers.Report report = receivers.report(neverReceived);
        System.out.printf("created %d events (%d errors); received %d distinct, %d requests; bad signatures: rsa=%d v1=%d v1a=%d (v1a checked %d)%n",
                sent.get(), errors.get(), receivers.distinct(), receivers.requests(), receivers.badRsa.get(),
                receivers.badV1.get(), receivers.badV1a.get(), receivers.checkedV1a.get());
        if (!drained) {
            System.out.printf("warning: %d events had not arrived 120 s after creation stopped; the costs below stop there%n", neverReceived);
        }
        double ratio = rsaSignPerSecond > 0 ? report.eventsPerSecond() / rsaSignPerSecond : 0;
        System.out.printf("events/s sustained over the %d s window: %.0f (%.2f x the single-core RSA sign rate)%n",
                duration, report.eventsPerSecond(), ratio);
        PerEvent cost = PerEvent.between(atStart, atEnd, createdInWindow, clockTicks);
        printCosts(cost, rsaSignPerSecond, smscPid > 0, postmasterPid > 0);
        System.out.printf("server heap in use: peak %.0f MiB, at the end %.0f MiB%n", heap.peakMib(), heapAtEnd);
        String groups = GroupSizes.describe(api.metrics("voltmsg_db_group_size", GroupSizes.COUNT, GroupSizes.SUM));
        if (!groups.isEmpty()) {
            System.out.println("group commits over the whole run (stage, commits, pieces of work per commit): " + groups);
        }
        System.out.println(ResultLine.format(report.eventsPerSecond(), report.p50(), report.p99(), report.p999(),
                rsaSignPerSecond, cost, heap.peakMib()));
        receivers.stop();
        boolean ok = receivers.badRsa.get() == 0 && receivers.badV1.get() == 0 && receivers.badV1a.get() == 0;
        System.exit(ok ? 0 : 1);
    }

    private static boolean awaitAllReceived(Receivers receivers, AtomicLong sent, AtomicLong errors, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (receivers.distinct() < sent.get() - errors.get()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void printCosts(PerEvent cost, long rsaSignPerSecond, boolean smscProcess, boolean postgres) {
        double rsaMs = rsaSignPerSecond > 0 ? 1000.0 / rsaSignPerSecond : Double.NaN;
        System.out.printf("cost per event created in the window (%d events; from the window's start until all of them had arrived):%n",
                cost.events());
        System.out.printf("  server CPU: %.3f ms = %.2f x one RSA-2048 signature (%.3f ms); capacity %.0f events per core-second%n",
                cost.serverCpuMs(), cost.serverCpuInSignatures(rsaSignPerSecond), rsaMs, cost.serverEventsPerCoreSecond());
        if (postgres) {
            System.out.printf("  PostgreSQL CPU (postmaster process tree): %.3f ms; server + PostgreSQL %.3f ms = %.2f x RSA,"
                            + " capacity %.0f events per core-second%n",
                    cost.postgresCpuMs(), cost.serverCpuMs() + cost.postgresCpuMs(),
                    cost.serverAndPostgresCpuInSignatures(rsaSignPerSecond), 1000.0 / (cost.serverCpuMs() + cost.postgresCpuMs()));
        } else {
            System.out.println("  database CPU: H2 runs inside the server, so it is in the server's figure (db_cpu_ms_per_event=0)");
        }
        System.out.println(smscProcess
                ? String.format(java.util.Locale.ROOT, "  SMSC CPU (its own process): %.3f ms", cost.smscCpuMs())
                : "  SMSC CPU: embedded in the server (simulateInboundMessage needs it), so it is in the server's figure");
        System.out.printf("  load generator and receivers CPU: %.3f ms%n", cost.generatorCpuMs());
        System.out.printf("  database work (the server's voltmsg_db_* counters): %.2f SQL statements, %.3f commits that wrote%n",
                cost.statements(), cost.commits());
    }

    /**
     * What creates the events, always through the public API. Events per call is what each call
     * leads to at every endpoint: a message sent to an ordinary number is {@code message.sent},
     * {@code message.delivered} and {@code message.finalized} (the SMSC simulator's DELIVRD receipt).
     */
    enum Source {
        /** {@code createMessage} to a random ordinary number, over SMPP to the SMSC simulator (its own process in run-e2e.sh). */
        OUTBOUND("createMessage", 3, "msg_", "messages sent over SMPP to the SMSC, 3 events each"),
        /** {@code simulateInboundMessage}: a real deliver_sm from the embedded SMSC, one {@code message.received}. */
        INBOUND("simulateInboundMessage", 1, "msg_", "inbound messages through the embedded SMSC, 1 event each"),
        /** {@code sendTestEvent}: one {@code webhook.test} event, no messaging. */
        TEST("sendTestEvent", 1, "dlv_", "webhook.test events, 1 each");

        final String mutation;
        final int eventsPerCall;
        private final String createdIdPrefix;
        final String description;

        Source(String mutation, int eventsPerCall, String createdIdPrefix, String description) {
            this.mutation = mutation;
            this.eventsPerCall = eventsPerCall;
            this.createdIdPrefix = createdIdPrefix;
            this.description = description;
        }

        /** One GraphQL document making {@code count} calls, each under its own alias, all through variables. */
        String document(int count) {
            if (this == TEST) {
                StringBuilder document = new StringBuilder("mutation($w: ID!) {");
                for (int i = 0; i < count; i++) {
                    document.append(" e").append(i).append(": sendTestEvent(webhookId: $w) { id }");
                }
                return document.append(" }").toString();
            }
            StringBuilder declarations = new StringBuilder("mutation($n: String!, $b: String!");
            StringBuilder fields = new StringBuilder();
            for (int i = 0; i < count; i++) {
                declarations.append(", $h").append(i).append(": String!");
                fields.append(" m").append(i).append(": ").append(mutation).append(this == OUTBOUND
                        ? "(from: $n, to: $h" + i + ", body: $b) { id }"
                        : "(from: $h" + i + ", to: $n, body: $b) { id }");
            }
            return declarations.append(") {").append(fields).append(" }").toString();
        }

        /** Variables for one document: the organization's number, a handset number per call. */
        String variables(int count, String number, String webhookId) {
            if (this == TEST) {
                return "{\"w\":\"" + webhookId + "\"}";
            }
            StringBuilder json = new StringBuilder("{\"n\":\"").append(number)
                    .append("\",\"b\":\"voltmsg benchmark: hello from the load generator\"");
            for (int i = 0; i < count; i++) {
                // +1555 and seven digits: never one of the simulator's failure numbers (+1500555000x).
                json.append(",\"h").append(i).append("\":\"+1555").append(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000))
                        .append('"');
            }
            return json.append('}').toString();
        }

        /** Deliveries one call leads to: message events reach every endpoint, a test event only its own. */
        int deliveriesPerCall(int endpoints) {
            return eventsPerCall * (this == TEST ? 1 : endpoints);
        }

        /** How many calls an answer reports as done (the others failed with an error). */
        int created(String answer) {
            return answer.split("\"id\":\"" + createdIdPrefix, -1).length - 1;
        }
    }

    /** Creates events through the API at a set rate from a pool of client threads. */
    record Creator(Api api, Source source, String document, String number, List<String> webhookIds, int batch,
                   int threads, AtomicLong sent, AtomicLong errors) {

        /**
         * Offers {@code rate} events/s for {@code period}. Creation stops when the period ends even
         * when the server fell behind: the slots left are not created, rather than sent late.
         */
        void run(int rate, Duration period) throws InterruptedException {
            long start = System.nanoTime();
            long end = start + period.toNanos();
            long intervalNanos = 1_000_000_000L * batch * source.eventsPerCall / rate;
            AtomicLong nextSlot = new AtomicLong(start);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    while (true) {
                        long slot = nextSlot.getAndAdd(intervalNanos);
                        if (slot >= end || System.nanoTime() >= end) {
                            return;
                        }
                        long wait = slot - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        createOnce();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(period.toSeconds() + 120L, java.util.concurrent.TimeUnit.SECONDS);
        }

        private void createOnce() {
            String webhookId = webhookIds.get((int) (sent.get() / batch % webhookIds.size()));
            int events = batch * source.deliveriesPerCall(webhookIds.size());
            try {
                String answer = api.graphql(document, source.variables(batch, number, webhookId));
                if (answer.contains("\"errors\"")) {
                    errors.addAndGet((long) (batch - source.created(answer)) * events / batch);
                }
            } catch (Exception e) {
                errors.addAndGet(events);
            }
            sent.addAndGet(events);
        }
    }

    /** Loopback receivers that verify signatures and record latency per distinct event. */
    static final class Receivers {
        record Report(double eventsPerSecond, double p50, double p99, double p999) {
        }

        final AtomicLong badRsa = new AtomicLong();
        final AtomicLong badV1 = new AtomicLong();
        final AtomicLong badV1a = new AtomicLong();
        final AtomicLong checkedV1a = new AtomicLong();
        private final PublicKey rsa;
        private final Map<Integer, byte[]> secrets = new ConcurrentHashMap<>();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicLong requests = new AtomicLong();
        private final List<HttpServer> servers = new ArrayList<>();
        private final long[] latencies = new long[5_000_000];
        private final AtomicLong latencyCount = new AtomicLong();
        private volatile long windowStart = Long.MAX_VALUE;
        private volatile long windowEnd = Long.MAX_VALUE;
        private volatile long windowStartMillis = Long.MAX_VALUE;
        private volatile long windowEndMillis = Long.MAX_VALUE;
        private final AtomicLong inWindow = new AtomicLong();
        private volatile PublicKey ed25519;

        Receivers(PublicKey rsa) {
            this.rsa = rsa;
        }

        int start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.setExecutor(Executors.newFixedThreadPool(8));
            int port = server.getAddress().getPort();
            server.createContext("/", exchange -> {
                long receivedAt = System.currentTimeMillis();
                long receivedNanos = System.nanoTime();
                byte[] body = exchange.getRequestBody().readAllBytes();
                // The registration's test request comes before its secret can be read: not an event of the load.
                if (secrets.containsKey(port)) {
                    verify(port, exchange.getRequestHeaders().getFirst("X-Respond-Flow-Signature"),
                            exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"), body);
                    record(port, new String(body, StandardCharsets.UTF_8), receivedAt, receivedNanos);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            servers.add(server);
            return port;
        }

        void secretFor(int port, String secret) {
            secrets.put(port, Base64.getDecoder().decode(secret.substring("whsec_".length())));
        }

        void ed25519(String keysJson) throws Exception {
            Matcher pem = Pattern.compile("\"pem\"\\s*:\\s*\"([^\"]+)\"").matcher(keysJson);
            if (pem.find()) {
                String base64 = pem.group(1).replace("\\n", "").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                ed25519 = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            }
        }

        void measureFrom(long startNanos, long endNanos) {
            windowStart = startNanos;
            windowEnd = endNanos;
            long nowMillis = System.currentTimeMillis();
            long nowNanos = System.nanoTime();
            windowStartMillis = nowMillis + (startNanos - nowNanos) / 1_000_000;
            windowEndMillis = nowMillis + (endNanos - nowNanos) / 1_000_000;
        }

        private void verify(int port, String rsaSignature, String id, String timestamp, String signatures, byte[] body) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(rsa);
                verifier.update(body);
                if (rsaSignature == null || !verifier.verify(Base64.getDecoder().decode(rsaSignature))) {
                    badRsa.incrementAndGet();
                }
                byte[] signed = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secrets.get(port), "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
                if (signatures == null || !Arrays.asList(signatures.split(" ")).contains(expected)) {
                    badV1.incrementAndGet();
                }
                if (ed25519 != null && ThreadLocalRandom.current().nextInt(100) == 0) {
                    checkedV1a.incrementAndGet();
                    String v1a = Arrays.stream(signatures.split(" ")).filter(s -> s.startsWith("v1a,")).findFirst().orElse("v1a,");
                    Signature ed = Signature.getInstance("Ed25519");
                    ed.initVerify(ed25519);
                    ed.update(signed);
                    if (!ed.verify(Base64.getDecoder().decode(v1a.substring(4)))) {
                        badV1a.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                badRsa.incrementAndGet();
            }
        }

        /** Counts distinct deliveries: with fan-out every endpoint receives each event once. */
        private void record(int port, String body, long receivedAtMillis, long receivedNanos) {
            requests.incrementAndGet();
            Matcher id = ID.matcher(body);
            Matcher created = CREATED.matcher(body);
            if (!id.find() || !created.find() || !seen.add(port + "/" + id.group(1))) {
                return;
            }
            if (receivedNanos >= windowStart && receivedNanos < windowEnd) {
                inWindow.incrementAndGet();
            }
            // Latency is that of the events created in the window, whenever they arrive: the
            // backlog left by the (JIT-cold) warm-up does not count, and a late event does.
            long createdAtMillis = Instant.parse(created.group(1)).toEpochMilli();
            if (createdAtMillis >= windowStartMillis && createdAtMillis < windowEndMillis) {
                long slot = latencyCount.getAndIncrement();
                if (slot < latencies.length) {
                    latencies[(int) slot] = receivedAtMillis - createdAtMillis;
                }
            }
        }

        long distinct() {
            return seen.size();
        }

        long requests() {
            return requests.get();
        }

        /** @param neverReceived events created but not received: counted as infinitely late */
        Report report(long neverReceived) {
            int n = (int) Math.min(latencyCount.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n + (int) Math.max(0, neverReceived));
            Arrays.fill(sorted, n, sorted.length, Long.MAX_VALUE);
            Arrays.sort(sorted);
            double seconds = (windowEnd - windowStart) / 1e9;
            return new Report(inWindow.get() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 0.999));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }

        void stop() {
            servers.forEach(s -> s.stop(0));
        }
    }

    /** A small GraphQL client on one shared keep-alive HTTP client. */
    static final class Api {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String url;
        private final String token;

        Api(String url, String token) {
            this.url = url;
            this.token = token;
        }

        String graphql(String query, String variablesJson) throws IOException, InterruptedException {
            String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variablesJson + "}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/graphql")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }

        String get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        /**
         * The named samples of {@code /actuator/prometheus}, read with the token (the endpoint needs one that
         * may read metrics). Counter names are given as exposed ({@code x_total}); the base name is asked for too.
         */
        String metrics(String... names) throws IOException, InterruptedException {
            String included = java.util.Arrays.stream(names)
                    .flatMap(name -> name.endsWith("_total") ? java.util.stream.Stream.of(name, name.substring(0, name.length() - 6))
                            : java.util.stream.Stream.of(name))
                    .collect(java.util.stream.Collectors.joining(","));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus?includedNames=" + included))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /actuator/prometheus answered HTTP " + response.statusCode()
                        + ": the token must be allowed to read metrics");
            }
            return response.body();
        }
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
