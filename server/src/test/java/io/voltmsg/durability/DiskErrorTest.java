package io.voltmsg.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.IssuedToken;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.Scope;
import io.voltmsg.accounts.UserService;
import io.voltmsg.shared.EmbeddedDatabase;
import io.voltmsg.testing.FaultyDisk;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.PortalSession;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import io.voltmsg.testing.TestReceiver;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * H2 on a disk that fills up, then turns read-only (injected through H2's file system: tests run as root, so chmod
 * cannot do it): every API request and portal page gets a clear, retryable error, nothing half-written is reported as done, and once
 * the disk works again everything works again without a restart. H2 only (not tagged "database").
 */
class DiskErrorTest {

    private static final String CREATE = "mutation($to: String!, $from: String!, $body: String!) "
            + "{ createMessage(to: $to, from: $from, body: $body) { id status } }";
    private static final String FIND = "query($id: ID!) { message(id: $id) { id status } }";
    private static final String LIST = "{ messages(first: 100) { edges { node { body } } } }";
    private static final String FROM = "+15550107777";
    private static final String EMAIL = "disk-errors@example.com";
    private static final String PASSWORD = "disk-errors-password";
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** Time for a message or delivery whose claim's commit outcome was unknown: its lease, then its work. */
    private static final Duration SETTLE = LEASE.plusSeconds(35);

    @AfterEach
    void repairTheDisk() {
        FaultyDisk.set(FaultyDisk.State.WORKING);
    }

    @Test
    void aFullOrReadOnlyDiskGivesRetryableErrorsLosesNothingAndIsOvercomeWithoutARestart(@TempDir Path dataDir) {
        FaultyDisk.register();
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.put("spring.datasource.url", EmbeddedDatabase.url(FaultyDisk.SCHEME, dataDir));
        // A commit that failed may still be on disk (H2 wrote the chunk, then failed to write its trace file): a claim
        // whose outcome is unknown is taken again once its lease runs out, so shorter leases make that visible sooner.
        properties.put("voltmsg.messaging.lease", LEASE.toSeconds() + "s");
        properties.put("voltmsg.delivery.lease", LEASE.toSeconds() + "s");
        try (TestReceiver receiver = new TestReceiver();
             ConfigurableApplicationContext server = Servers.start(properties)) {
            GraphQl api = organization(server);
            PortalSession portal = new PortalSession(Servers.port(server));
            assertThat(portal.signIn(EMAIL, PASSWORD)).endsWith("/settings/webhooks");
            assertThat(api.execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                    Map.of("u", receiver.url())).hasErrors()).isFalse();
            List<String> accepted = new ArrayList<>();
            accepted.add(create(api, "before the disk failed").path("id").asString());

            for (FaultyDisk.State broken : List.of(FaultyDisk.State.FULL, FaultyDisk.State.READ_ONLY)) {
                FaultyDisk.set(broken);
                for (int i = 0; i < 3; i++) { // the request whose write fails, and those after it
                    GraphQl.Response refused = api.execute(CREATE, message("while " + broken + " " + i));
                    assertThat(refused.status()).as(broken + " request " + i + ": " + refused.raw()).isEqualTo(503);
                    assertThat(refused.errorCode()).isEqualTo("UNAVAILABLE");
                    assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                }
                // the portal too: a page that says to try again, not an error id to look up
                HttpResponse<String> page = portal.get("/messages");
                assertThat(page.statusCode()).as(broken + " portal: " + page.body()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(page.body()).contains("cannot reach its database right now").doesNotContain("error id");
                FaultyDisk.set(FaultyDisk.State.WORKING);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    GraphQl.Response after = api.execute(CREATE, message("after " + broken));
                    assertThat(after.hasErrors()).as(after.raw()).isFalse();
                    accepted.add(after.data("createMessage").path("id").asString());
                });
            }

            // Nothing the failing requests tried to write exists; everything acknowledged does, and goes on.
            List<String> bodies = new ArrayList<>();
            api.execute(LIST).data("messages").path("edges").forEach(e -> bodies.add(e.path("node").path("body").asString()));
            assertThat(bodies).containsExactlyInAnyOrder("before the disk failed", "after FULL", "after READ_ONLY");
            for (String id : accepted) {
                await().atMost(SETTLE).untilAsserted(() ->
                        assertThat(api.execute(FIND, Map.of("id", id)).data("message").path("status").asString())
                                .isEqualTo("delivered"));
                await().atMost(SETTLE).until(() -> finalized(receiver, id));
            }
        }
    }

    private static GraphQl organization(ConfigurableApplicationContext server) {
        AccountService accounts = server.getBean(AccountService.class);
        Organization org = accounts.createOrganization("Disk errors " + java.util.UUID.randomUUID());
        accounts.addPhoneNumber(org.id(), FROM);
        IssuedToken token = accounts.issueToken(org.id(), EnumSet.allOf(Scope.class));
        server.getBean(UserService.class).add(org.id(), EMAIL, Role.ADMIN, PASSWORD);
        return new GraphQl(Servers.port(server), token.token());
    }

    private static Map<String, Object> message(String body) {
        return Map.of("to", "+15550108888", "from", FROM, "body", body);
    }

    private static JsonNode create(GraphQl api, String body) {
        GraphQl.Response response = api.execute(CREATE, message(body));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        return response.data("createMessage");
    }

    private static boolean finalized(TestReceiver receiver, String messageId) {
        return receiver.received().stream().map(r -> GraphQl.JSON.readTree(r.bodyText()))
                .anyMatch(body -> "message.finalized".equals(body.path("type").asString())
                        && messageId.equals(body.path("payload").path("id").asString()));
    }
}
