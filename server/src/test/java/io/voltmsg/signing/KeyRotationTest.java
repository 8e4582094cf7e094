package io.voltmsg.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.VoltmsgApplication;
import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Scope;
import io.voltmsg.cli.VoltmsgCli;
import io.voltmsg.delivery.EventPublisher;
import io.voltmsg.delivery.EventType;
import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.ShiftedClock;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.testing.Verify;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotations on a server of its own (own database, a clock the test moves forward): the RSA
 * rotation made by the CLI is noticed by polling, both RSA signatures verify during the overlap
 * and a retry after it is signed afresh by the new key; a rotated whsec_ secret signs alongside
 * the new one until the overlap ends. Also: start-up with a wrong or malformed master key.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationTest {

    static final ShiftedClock CLOCK = new ShiftedClock();
    static final Duration PAST_OVERLAP = Duration.ofHours(24).plusMinutes(1);

    /** Not a @Configuration, so the shared test context's component scan never picks it up. */
    static class ShiftedClockConfig {
        @Bean
        @Primary
        Clock shiftedClock() {
            return CLOCK;
        }
    }

    TestDatabase database;
    ConfigurableApplicationContext server;
    int port;
    final List<TestReceiver> receivers = new java.util.ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.fresh();
        server = new SpringApplicationBuilder(VoltmsgApplication.class, ShiftedClockConfig.class)
                .run(arguments(properties(TestDatabase.TEST_MASTER_KEY)));
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        receivers.forEach(TestReceiver::close);
        if (server != null) {
            server.close();
        }
    }

    /** As command-line arguments: they outrank application.yml (default properties would not). */
    static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    Map<String, Object> properties(String masterKey) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(database.properties());
        p.put("voltmsg.signing.master-key", masterKey);
        p.put("voltmsg.data-dir", Files.createTempDirectory("voltmsg-rotation-").toString());
        p.put("server.port", "0");
        p.put("voltmsg.webhooks.allowed-networks", "127.0.0.0/8,::1/128");
        p.put("voltmsg.webhooks.test-timeout", "2s");
        // Long retries: a failed attempt is retried only when the test moves the clock past the overlap.
        p.put("voltmsg.delivery.retry-schedule", "1h,1h,1h");
        p.put("voltmsg.delivery.poll-interval", "50ms");
        p.put("voltmsg.signing.key-refresh-interval", "200ms");
        p.put("voltmsg.carrier.simulator.port", "0");
        p.put("voltmsg.bootstrap.phone-number", "+15550100001");
        return p;
    }

    @Test
    @Order(1)
    void rsaRotationKeepsTheCurrentKeyDuringTheOverlapThenSwitchesEverywhere(@TempDir Path dir) throws Exception {
        Org org = newOrganization();
        GraphQl api = org.api();
        String orgId = org.id();
        TestReceiver receiver = receiver();
        register(api, receiver.url());
        String currentPem = get("/id_rsa.pub").body();
        assertThat(get("/id_rsa.next.pub").statusCode()).isEqualTo(404);

        // `java -jar voltmsg.jar signing rotate-rsa` reaches the CLI, not the server.
        assertThat(VoltmsgCli.handles(new String[] {"signing", "rotate-rsa"})).isTrue();
        CliResult rotated = cli("signing", "rotate-rsa");
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        assertThat(rotated.out()).startsWith("key_");
        assertThat(rotated.err()).contains("becomes current at");
        CliResult again = cli("signing", "rotate-rsa");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already under way");

        // The running server notices the CLI's rotation by polling the keys table.
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/id_rsa.next.pub").statusCode() == 200);
        String nextPem = get("/id_rsa.next.pub").body();
        assertThat(nextPem).startsWith("-----BEGIN PUBLIC KEY-----").isNotEqualTo(currentPem);
        assertThat(get("/id_rsa.pub").body()).isEqualTo(currentPem);

        receiver.clear();
        receiver.answering(500);
        String eventId = publish(orgId);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        TestReceiver.Received during = receiver.received().get(0);
        assertThat(Verify.rsaWithOpenssl(dir, currentPem, during.body(), during.header("x-respond-flow-signature")))
                .isEqualTo("Verified OK");
        assertThat(Verify.rsaWithOpenssl(dir, nextPem, during.body(), during.header("x-respond-flow-signature-next")))
                .isEqualTo("Verified OK");
        assertThat(Verify.rsaWithOpenssl(dir, currentPem, during.body(), during.header("x-respond-flow-signature-next")))
                .endsWith("Verification failure");

        receiver.answering(200);
        CLOCK.advance(PAST_OVERLAP);

        assertThat(get("/id_rsa.pub").body()).isEqualTo(nextPem);
        assertThat(get("/id_rsa.next.pub").statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
        TestReceiver.Received retry = receiver.received().get(1);
        assertThat(retry.header("webhook-id")).isEqualTo(eventId).isEqualTo(during.header("webhook-id"));
        assertThat(retry.body()).isEqualTo(during.body());
        assertThat(retry.header("x-respond-flow-signature")).isNotEqualTo(during.header("x-respond-flow-signature"));
        assertThat(Verify.rsaWithOpenssl(dir, get("/id_rsa.pub").body(), retry.body(), retry.header("x-respond-flow-signature")))
                .isEqualTo("Verified OK");
        assertThat(retry.header("x-respond-flow-signature-next")).isNull();
    }

    @Test
    @Order(2)
    void aRotatedSecretSignsAlongsideTheNewOneUntilTheOverlapEnds() throws Exception {
        Org org = newOrganization();
        GraphQl api = org.api();
        String orgId = org.id();
        TestReceiver receiver = receiver();
        String id = register(api, receiver.url());
        String old = api.execute("query($id: ID!) { webhookSecret(id: $id) }", Map.of("id", id)).data("webhookSecret").asString();

        GraphQl.Response rotation = api.execute("mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret previousSecretExpiresAt } }",
                Map.of("id", id));
        String fresh = rotation.data("rotateWebhookSecret").path("secret").asString();
        Instant ends = Instant.parse(rotation.data("rotateWebhookSecret").path("previousSecretExpiresAt").asString());
        assertThat(Duration.between(CLOCK.instant(), ends)).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        receiver.clear();
        publish(orgId);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        TestReceiver.Received during = receiver.received().get(0);
        List<String> v1 = Verify.signatures(during.header("webhook-signature"), "v1");
        assertThat(v1).hasSize(2);
        assertV1(during, fresh, "v1," + v1.get(0), "ok");
        assertV1(during, old, "v1," + v1.get(1), "ok");
        assertV1(during, old, "v1," + v1.get(0), "WebhookVerificationError: No matching signature found");
        assertV1(during, fresh, during.header("webhook-signature"), "ok");
        assertV1(during, old, during.header("webhook-signature"), "ok");

        CLOCK.advance(PAST_OVERLAP);
        publish(orgId);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
        TestReceiver.Received after = receiver.received().get(1);
        assertThat(Verify.signatures(after.header("webhook-signature"), "v1")).hasSize(1);
        assertThat(Verify.signatures(after.header("webhook-signature"), "v1a")).hasSize(1);
        assertV1(after, fresh, after.header("webhook-signature"), "ok");
        assertV1(after, old, after.header("webhook-signature"), "WebhookVerificationError: No matching signature found");
        assertThat(api.execute("query($id: ID!) { webhookSecret(id: $id) }", Map.of("id", id)).data("webhookSecret").asString())
                .isEqualTo(fresh);
    }

    @Test
    @Order(3)
    void aWrongMasterKeyStopsStartUpWithAClearMessageAndNoKeyBytes() throws Exception {
        String wrong = MasterKey.generateBase64();
        Throwable failure = startFailing(wrong);
        String all = describe(failure);
        assertThat(all).contains("cannot decrypt the stored signing keys")
                .contains("voltmsg.signing.master-key");
        assertThat(all).doesNotContain(wrong).doesNotContain(TestDatabase.TEST_MASTER_KEY).doesNotContain("PRIVATE KEY");
    }

    @Test
    @Order(4)
    void aMalformedMasterKeyStopsStartUpSayingHowToMakeOne() throws Exception {
        for (String malformed : new String[] {"not base64 at all!", "c2hvcnQ="}) {
            String all = describe(startFailing(malformed));
            assertThat(all).contains("voltmsg.signing.master-key").contains("openssl rand -base64 32")
                    .doesNotContain(malformed);
        }
    }

    private Throwable startFailing(String masterKey) throws Exception {
        Map<String, Object> p = properties(masterKey);
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(VoltmsgApplication.class)
                .run(arguments(p))) {
            throw new AssertionError("started with master key " + masterKey);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            if (t instanceof io.voltmsg.shared.StartupProblem problem) {
                all.append(problem.action()).append('\n');
            }
        }
        return all.toString();
    }

    private void assertV1(TestReceiver.Received request, String secret, String header, String expected) throws Exception {
        assertThat(Verify.v1WithNode(secret, request.body(), request.header("webhook-id"), request.header("webhook-timestamp"),
                header, CLOCK.instant().getEpochSecond())).isEqualTo(expected);
    }

    record CliResult(int exit, String out, String err) {
    }

    private CliResult cli(String... args) {
        Map<String, String> properties = new LinkedHashMap<>(database.properties());
        properties.put("voltmsg.signing.master-key", TestDatabase.TEST_MASTER_KEY);
        properties.forEach(System::setProperty);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = VoltmsgCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new CliResult(exit, out.toString().strip(), err.toString().strip());
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    record Org(String id, GraphQl api) {
    }

    private Org newOrganization() {
        AccountService accounts = server.getBean(AccountService.class);
        Organization org = accounts.createOrganization("Rotation " + java.util.UUID.randomUUID());
        return new Org(org.id(), new GraphQl(port, accounts.issueToken(org.id(), EnumSet.allOf(Scope.class)).token()));
    }

    private TestReceiver receiver() {
        TestReceiver receiver = new TestReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private String register(GraphQl api, String url) {
        GraphQl.Response response = api.execute("mutation($url: String!) { registerWebhook(url: $url) { id } }", Map.of("url", url));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        return response.data("registerWebhook").path("id").asString();
    }

    private String publish(String organizationId) {
        return server.getBean(TransactionTemplate.class).execute(tx -> server.getBean(EventPublisher.class)
                .publish(organizationId, EventType.WEBHOOK_TEST, null, Map.of("url", "rotation test")));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
