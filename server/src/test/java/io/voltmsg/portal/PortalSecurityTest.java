package io.voltmsg.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.UserService;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.PortalSession;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.webhooks.WebhookService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The portal's security as an attacker would probe it: every route (read from the application's own
 * request mappings, so a new page cannot escape) sends a signed-out visitor to sign in; another
 * organization's ids are "not found" for every page and action; forms without the CSRF token are
 * refused; what receivers and handsets send is shown as text; every page carries the CSP.
 */
class PortalSecurityTest extends IntegrationTest {

    static final String PASSWORD = "security-test-password";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserService users;
    @Autowired
    WebhookService webhooks;

    /** Every portal route as (method, path with every variable filled in). */
    List<String[]> routes(String fill) {
        List<String[]> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().equals(PortalSecurityTest.class.getPackageName())) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", fill);
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(new String[] {m.name(), path});
                }
            }
        });
        return routes;
    }

    @Test
    void everyPortalRouteSendsASignedOutVisitorToSignIn() {
        List<String[]> routes = routes("x_01M8Y5GCPVVHG0QZVRTPMDZE7W");
        assertThat(routes).hasSizeGreaterThan(30);
        int checked = 0;
        for (String[] route : routes) {
            if (route[1].equals("/signin")) {
                continue;
            }
            PortalSession visitor = new PortalSession(port);
            visitor.get("/signin"); // a CSRF token, so a POST is refused for being signed out, not for the token
            HttpResponse<String> response = route[0].equals("POST") ? visitor.post(route[1], Map.of()) : visitor.get(route[1]);
            assertThat(response.statusCode()).as(route[0] + " " + route[1]).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(route[0] + " " + route[1])
                    .endsWith("/signin");
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void anotherOrganizationsIdsAreNotFoundOnEveryPageAndAction() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization mine = newOrganization();
            TestOrganization theirs = newOrganization();
            String email = "admin+" + mine.id().toLowerCase(Locale.ROOT) + "@example.com";
            users.add(mine.id(), email, Role.ADMIN, PASSWORD);
            String theirWebhook = webhooks.register(theirs.id(), receiver.url()).id();
            String theirMessage = theirs.api().execute("mutation($from: String!) { createMessage(to: \"+15550101234\", "
                    + "from: $from, body: \"hi\") { id } }", Map.of("from", theirs.phoneNumber()))
                    .data("createMessage").path("id").asString();
            String theirDelivery = theirs.api().execute("mutation($id: ID!) { sendTestEvent(webhookId: $id) { id } }",
                    Map.of("id", theirWebhook)).data("sendTestEvent").path("id").asString();
            String theirToken = accounts.tokens(theirs.id()).get(0).id();
            String theirUser = users.add(theirs.id(), "user+" + theirs.id().toLowerCase(Locale.ROOT) + "@example.com",
                    Role.ADMIN).user().id();
            theirs.api().execute("mutation($p: String!) { createOrUpdateContact(name: \"x\", phoneNumber: \"+15550102222\", "
                    + "accountPhone: $p, customFields: [], blocked: false) { id } }", Map.of("p", theirs.phoneNumber()));

            PortalSession me = new PortalSession(port);
            assertThat(me.signIn(email, PASSWORD)).endsWith("/settings/webhooks");
            List<String> gets = List.of("/settings/webhooks/" + theirWebhook, "/settings/webhooks/" + theirWebhook + "/deliveries",
                    "/settings/webhooks/" + theirWebhook + "/deliveries/" + theirDelivery,
                    "/settings/webhooks/" + theirWebhook + "/secret", "/settings/webhooks/" + theirWebhook + "/rotate",
                    "/settings/webhooks/" + theirWebhook + "/delete", "/settings/webhooks/" + theirWebhook + "/recover",
                    "/settings/webhooks/" + theirWebhook + "/recover?since=2026-01-01T00:00", "/messages/" + theirMessage,
                    "/settings/tokens/" + theirToken + "/revoke", "/settings/users/" + theirUser + "/remove",
                    "/settings/users/" + theirUser + "/reset-password");
            for (String path : gets) {
                HttpResponse<String> response = me.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).contains("not found").doesNotContain(receiver.url());
            }
            String contact = "con_01M8Y5GCPVVHG0QZVRTPMDZE7W";
            List<String> posts = List.of("/settings/webhooks/" + theirWebhook + "/url", "/settings/webhooks/" + theirWebhook + "/disable",
                    "/settings/webhooks/" + theirWebhook + "/enable", "/settings/webhooks/" + theirWebhook + "/delete",
                    "/settings/webhooks/" + theirWebhook + "/test", "/settings/webhooks/" + theirWebhook + "/rotate",
                    "/settings/webhooks/" + theirWebhook + "/deliveries/" + theirDelivery + "/resend",
                    "/settings/webhooks/" + theirWebhook + "/recover", "/settings/tokens/" + theirToken + "/revoke",
                    "/settings/users/" + theirUser + "/remove", "/settings/users/" + theirUser + "/role",
                    "/settings/users/" + theirUser + "/reset-password", "/contacts/" + contact + "/block");
            for (String path : posts) {
                me.get("/settings/webhooks");
                HttpResponse<String> response = me.post(path, Map.of("url", receiver.url("/stolen"), "role", "viewer",
                        "since", "2026-01-01T00:00"));
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
            assertThat(webhooks.get(theirs.id(), theirWebhook).enabled()).isTrue();
            assertThat(webhooks.get(theirs.id(), theirWebhook).url()).isEqualTo(receiver.url());
            assertThat(accounts.findToken(theirs.id(), theirToken).orElseThrow().active()).isTrue();
            assertThat(users.find(theirUser)).isPresent();
            assertThat(users.get(theirs.id(), theirUser).role()).isEqualTo(Role.ADMIN);
            assertThat(receiver.received()).noneMatch(r -> r.path().equals("/stolen"));
        }
    }

    @Test
    void formsAndHtmxRequestsWithoutTheCsrfTokenAreRefused() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = newOrganization();
            String email = "admin+" + org.id().toLowerCase(Locale.ROOT) + "@example.com";
            users.add(org.id(), email, Role.ADMIN, PASSWORD);
            String id = webhooks.register(org.id(), receiver.url()).id();
            PortalSession session = new PortalSession(port);
            session.signIn(email, PASSWORD);
            assertThat(session.postWithout("/settings/webhooks/" + id + "/disable", Map.of()).statusCode()).isEqualTo(403);
            assertThat(session.postWithout("/settings/webhooks/" + id + "/disable", Map.of("_csrf", "forged")).statusCode())
                    .isEqualTo(403);
            assertThat(session.postWithout("/settings/webhooks/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
            assertThat(session.postWithout("/settings/tokens", Map.of("scopes", "read:webhooks")).statusCode()).isEqualTo(403);
            assertThat(webhooks.get(org.id(), id).enabled()).isTrue();
            assertThat(accounts.tokens(org.id())).hasSize(1);
            assertThat(session.post("/settings/webhooks/" + id + "/disable", Map.of()).statusCode()).isEqualTo(302);
            assertThat(webhooks.get(org.id(), id).enabled()).isFalse();
        }
    }

    @Test
    void receiverResponsesAndMessageBodiesAreShownAsText() {
        String script = "<script>alert('receiver')</script>";
        try (TestReceiver receiver = new TestReceiver().answering(r -> TestReceiver.Reply.body(200, script))) {
            TestOrganization org = newOrganization();
            String email = "admin+" + org.id().toLowerCase(Locale.ROOT) + "@example.com";
            users.add(org.id(), email, Role.ADMIN, PASSWORD);
            String id = webhooks.register(org.id(), receiver.url()).id();
            String delivery = org.api().execute("mutation($id: ID!) { sendTestEvent(webhookId: $id) { id } }",
                    Map.of("id", id)).data("sendTestEvent").path("id").asString();
            String html = "<img src=x onerror=alert('handset')><b>hi</b>";
            String message = org.api().execute("mutation($from: String!, $body: String!) { createMessage(to: \"+15550103333\", "
                    + "from: $from, body: $body) { id } }", Map.of("from", org.phoneNumber(), "body", html))
                    .data("createMessage").path("id").asString();
            PortalSession session = new PortalSession(port);
            session.signIn(email, PASSWORD);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    session.get("/settings/webhooks/" + id + "/deliveries/" + delivery).body()).contains("response-body"));
            String page = session.get("/settings/webhooks/" + id + "/deliveries/" + delivery).body();
            assertThat(page).contains("&lt;script&gt;alert(&#39;receiver&#39;)&lt;/script&gt;").doesNotContain(script);
            String timeline = session.get("/messages/" + message).body();
            assertThat(timeline).contains("&lt;img src=x onerror=alert(&#39;handset&#39;)&gt;&lt;b&gt;hi&lt;/b&gt;")
                    .doesNotContain(html);
            String list = session.get("/messages").body();
            assertThat(list).doesNotContain(html);
        }
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyWithoutInlineScriptOrStyle() {
        TestOrganization org = newOrganization();
        String email = "admin+" + org.id().toLowerCase(Locale.ROOT) + "@example.com";
        users.add(org.id(), email, Role.ADMIN, PASSWORD);
        PortalSession session = new PortalSession(port);
        List<String> pages = new ArrayList<>(List.of("/signin"));
        HttpResponse<String> signIn = session.get("/signin");
        assertCsp(signIn, "/signin");
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure"); // plain HTTP here; Tomcat adds Secure to a cookie set over HTTPS
        session.signIn(email, PASSWORD);
        pages = List.of("/settings/webhooks", "/messages", "/contacts", "/settings/tokens", "/settings/users", "/settings/audit",
                "/account/password", "/settings/webhooks/wh_01M8Y5GCPVVHG0QZVRTPMDZE7W", "/messages?status=nonsense");
        for (String page : pages) {
            assertCsp(session.get(page), page);
        }
    }

    private static void assertCsp(HttpResponse<String> response, String page) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(page).contains("script-src 'self'").contains("style-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .doesNotContain("http");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
        Matcher scripts = Pattern.compile("<script(?![^>]*\\ssrc=\"/)[^>]*>").matcher(response.body());
        assertThat(scripts.find()).as(page + ": inline script").isFalse();
        assertThat(response.body()).as(page + ": inline style").doesNotContain(" style=\"").doesNotContain("<style");
    }
}
