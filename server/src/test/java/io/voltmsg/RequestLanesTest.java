package io.voltmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.Scope;
import io.voltmsg.accounts.UserService;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API and the portal each have their own request lane: with one permit each, a /graphql request
 * held by a slow registration test (and 30 more waiting behind it, more than the server has threads)
 * does not keep a portal page from answering, and a portal registration held the same way (with 30
 * portal requests waiting) does not keep the API from answering. Waiting requests are served in turn
 * once the held one finishes. Runs once (H2), on a server of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLanesTest {

    static final int WAITING = 30;
    static final String PASSWORD = "lanes-test-password";

    ConfigurableApplicationContext server;
    int port;
    String token;
    String email;
    final ExecutorService clients = Executors.newFixedThreadPool(WAITING + 4);

    @BeforeAll
    void start() throws java.io.IOException {
        Path dataDir = java.nio.file.Files.createTempDirectory("voltmsg-lanes-");
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.put("voltmsg.api.request-threads", "1");
        properties.put("voltmsg.portal.request-threads", "1");
        properties.put("voltmsg.webhooks.test-timeout", "30s");
        server = Servers.start(properties);
        port = Servers.port(server);
        AccountService accounts = server.getBean(AccountService.class);
        Organization org = accounts.createOrganization("Lanes " + java.util.UUID.randomUUID());
        accounts.addPhoneNumber(org.id(), IntegrationTest.uniqueNumber());
        token = accounts.issueToken(org.id(), EnumSet.allOf(Scope.class)).token();
        email = "lanes+" + org.id().toLowerCase(java.util.Locale.ROOT) + "@example.com";
        server.getBean(UserService.class).add(org.id(), email, Role.ADMIN, PASSWORD);
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBusyApiLeavesThePortalItsThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestReceiver slow = blockingReceiver(release)) {
            GraphQl api = new GraphQl(port, token);
            CompletableFuture<GraphQl.Response> held = CompletableFuture.supplyAsync(() -> api.execute(
                    "mutation($url: String!) { registerWebhook(url: $url) { id } }", Map.of("url", slow.url())), clients);
            await().atMost(Duration.ofSeconds(20)).until(() -> !slow.received().isEmpty());
            List<CompletableFuture<GraphQl.Response>> waiting = new ArrayList<>();
            for (int i = 0; i < WAITING; i++) {
                waiting.add(CompletableFuture.supplyAsync(() -> api.execute("{ webhooks { id } }"), clients));
            }
            PortalSession visitor = new PortalSession(port);
            assertThat(visitor.get("/signin").statusCode()).isEqualTo(200);
            assertThat(new PortalSession(port).signIn(email, PASSWORD)).endsWith("/settings/webhooks");
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            assertThat(held).isNotDone();
            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS).hasErrors()).isFalse();
            for (CompletableFuture<GraphQl.Response> query : waiting) {
                GraphQl.Response response = query.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.hasErrors()).isFalse();
            }
        }
    }

    @Test
    void aBusyPortalLeavesTheApiItsThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestReceiver slow = blockingReceiver(release)) {
            PortalSession user = new PortalSession(port);
            user.signIn(email, PASSWORD);
            String csrf = user.csrf();
            CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() ->
                    user.postWithout("/settings/webhooks", Map.of("url", slow.url("/portal"), "_csrf", csrf)), clients);
            await().atMost(Duration.ofSeconds(20)).until(() -> !slow.received().isEmpty());
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < WAITING; i++) {
                waiting.add(CompletableFuture.supplyAsync(() -> user.get("/settings/webhooks"), clients));
            }
            GraphQl.Response api = new GraphQl(port, token).execute("{ webhooks { id } }");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.hasErrors()).isFalse();
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            assertThat(held).isNotDone();
            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
            for (CompletableFuture<HttpResponse<String>> page : waiting) {
                assertThat(page.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
    }

    /** A receiver whose answer waits until the test releases it. */
    private static TestReceiver blockingReceiver(CountDownLatch release) {
        return new TestReceiver().answering(request -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestReceiver.Reply.status(200);
        });
    }
}
