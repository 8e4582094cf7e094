package io.voltmsg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.UserService;
import io.voltmsg.testing.Browser;
import io.voltmsg.testing.ChromiumAvailable;
import io.voltmsg.testing.ServerTest;
import io.voltmsg.testing.TestReceiver;
import io.voltmsg.webhooks.Webhook;
import io.voltmsg.webhooks.WebhookService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal in a real browser (Debian's Chromium, headless), as a person uses it, one step after the
 * other in one organization: sign in, register (a failing URL first), edit, disable, enable, rotate the
 * secret, deliveries and their attempts, re-send, recover, tokens, a message's timeline, an inbound
 * message, a viewer who may change nothing, delete, and the audit log of all of it. Every page is
 * photographed at 360 and 1440 pixels into {@code target/screenshots/}.
 */
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest extends ServerTest {

    static final String PASSWORD = "browser-test-password-1";
    static final String HOSTILE_BODY = "<b>bold?</b> & <script>window.pwned = 1</script> ✓";
    static final String HOSTILE_RESPONSE = "<script>window.pwned = 2</script><img src=x onerror=\"window.pwned=3\">";

    @Autowired
    UserService users;
    @Autowired
    WebhookService webhooks;

    Browser browser;
    io.voltmsg.testing.IntegrationTest.TestOrganization org;
    TestReceiver receiver;
    TestReceiver failing;
    String admin;
    String viewer;
    String webhookId;

    @BeforeAll
    void start() {
        org = newOrganization();
        String tag = org.id().toLowerCase(Locale.ROOT);
        admin = "admin+" + tag + "@example.com";
        viewer = "viewer+" + tag + "@example.com";
        users.add(org.id(), admin, Role.ADMIN, PASSWORD);
        receiver = new TestReceiver();
        failing = new TestReceiver().answering(500);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        receiver.close();
        failing.close();
    }

    @Test
    @Order(1)
    void signedOutPagesLeadToSignInAndAWrongPasswordIsRefused() {
        browser.open("/settings/webhooks");
        assertThat(browser.path()).startsWith("/signin");
        browser.screenshots("signin");
        signIn(admin, "not-the-password");
        assertThat(browser.text("#signin-error")).contains("do not match");
        signIn(admin, PASSWORD);
        assertThat(browser.path()).startsWith("/settings/webhooks");
        assertThat(browser.text("#no-webhooks")).contains("Register one above");
        browser.screenshots("webhooks-empty");
    }

    @Test
    @Order(2)
    void registeringAUrlThatAnswers500ShowsTheExactFailureNextToTheField() {
        browser.open("/settings/webhooks");
        browser.type("#url", failing.url());
        browser.click("#register-form button[type=submit]");
        assertThat(browser.text("#url-error")).isEqualTo("webhook failed to respond successfully: HTTP 500");
        assertThat(browser.find("#url").getAttribute("value")).isEqualTo(failing.url());
        assertThat(webhooks.list(org.id())).isEmpty();
        browser.screenshots("webhooks-register-failed");
    }

    @Test
    @Order(3)
    void registeringAUrlThatAnswersStoresItAfterItsSignedTest() {
        browser.type("#url", receiver.url("/first"));
        browser.click("#register-form button[type=submit]");
        assertThat(browser.text(".notice")).contains("Registered").contains("answered the signed test request");
        assertThat(browser.text("#webhook-url")).isEqualTo(receiver.url("/first"));
        webhookId = webhooks.list(org.id()).get(0).id();
        assertThat(receiver.received()).anyMatch(r -> r.path().equals("/first")
                && r.header("X-Respond-Flow-Signature") != null && r.bodyText().contains("webhook.test"));
        browser.screenshots("webhook");
    }

    @Test
    @Order(4)
    void theUrlIsUpdatedAfterTheNewOneAnswers() {
        browser.open("/settings/webhooks/" + webhookId);
        browser.type("#url", receiver.url("/second"));
        browser.click("#url-form button[type=submit]");
        assertThat(browser.text(".notice")).contains("now points at " + receiver.url("/second"));
        assertThat(browser.text("#webhook-url")).isEqualTo(receiver.url("/second"));
        assertThat(webhooks.get(org.id(), webhookId).url()).isEqualTo(receiver.url("/second"));
    }

    @Test
    @Order(5)
    void disablingShowsTheReasonAndEnablingClearsIt() {
        browser.click("#disable");
        assertThat(browser.text("#state")).isEqualTo("disabled");
        assertThat(browser.text("#disabled-reason")).contains("disabled by " + admin);
        browser.screenshots("webhook-disabled");
        browser.click("#enable");
        assertThat(browser.text("#state")).isEqualTo("enabled");
        assertThat(browser.present("#disabled-reason")).isFalse();
    }

    @Test
    @Order(6)
    void theSecretIsShownAndRotatedWithThePreviousOnesExpiry() {
        browser.click("#show-secret");
        String first = browser.text("#secret");
        assertThat(first).startsWith("whsec_");
        browser.screenshots("webhook-secret");
        browser.open("/settings/webhooks/" + webhookId + "/rotate");
        assertThat(browser.text("#confirm-text")).contains(receiver.url("/second"));
        browser.screenshots("confirm-rotate");
        browser.click("#confirm");
        String second = browser.text("#secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(browser.text("#previous-secret")).contains("still signs until");
        assertThat(webhooks.secret(org.id(), webhookId)).isEqualTo(second);
    }

    @Test
    @Order(7)
    void aTestEventShowsUpLiveWithItsAttemptTheExactHeadersAndAResponseShownAsText() {
        receiver.answering(r -> TestReceiver.Reply.body(200, HOSTILE_RESPONSE));
        browser.open("/settings/webhooks/" + webhookId);
        browser.click("#send-test");
        assertThat(browser.path()).startsWith("/settings/webhooks/" + webhookId + "/deliveries");
        browser.await(d -> browser.texts("tr.delivery .status").contains("DELIVERED"));
        browser.screenshots("deliveries");
        browser.click(browser.all("tr.delivery a.open-delivery").get(0));
        assertThat(browser.text("#delivery-status")).isEqualTo("DELIVERED");
        String headers = browser.text(".request-headers");
        TestReceiver.Received got = receiver.received().get(receiver.received().size() - 1);
        assertThat(headers).contains("X-Respond-Flow-Signature: " + got.header("X-Respond-Flow-Signature"))
                .contains("webhook-signature: " + got.header("webhook-signature"));
        assertThat(browser.text("#body")).isEqualTo(got.bodyText());
        assertThat(browser.text(".response-body")).isEqualTo(HOSTILE_RESPONSE);
        assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
        browser.screenshots("delivery");
        receiver.answering(200);
    }

    @Test
    @Order(8)
    void aDeliveryIsResentAsANewDeliveryOfTheSameEvent() {
        String eventId = browser.text("#body").replaceAll("(?s).*\"id\":\"(evt_[0-9A-Z]+)\".*", "$1");
        int before = receiver.received().size();
        browser.click("#resend");
        assertThat(browser.text(".notice")).contains(eventId).contains("queued again");
        browser.await(d -> { browser.driver().navigate().refresh(); return browser.text("#delivery-status").equals("DELIVERED"); });
        assertThat(receiver.received().subList(before, receiver.received().size()))
                .anyMatch(r -> eventId.equals(r.header("webhook-id")));
    }

    @Test
    @Order(9)
    void recoveringSaysHowManyDeliveriesItQueuesFirst() {
        browser.open("/settings/webhooks/" + webhookId);
        browser.click("#disable");
        browser.click("#send-test"); // recorded as SKIPPED: the webhook is disabled
        browser.open("/settings/webhooks/" + webhookId);
        browser.click("#enable");
        browser.click("#recover-link");
        String since = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC)
                .format(Instant.now().minusSeconds(3600));
        browser.script("arguments[0].value = arguments[1]", browser.find("#since"), since);
        browser.screenshots("recover");
        browser.click("#recover-form button[type=submit]");
        assertThat(browser.text("#confirm-text")).startsWith("This queues 1 delivery to " + receiver.url("/second"));
        browser.screenshots("confirm-recover");
        browser.click("#confirm");
        assertThat(browser.text(".notice")).isEqualTo("1 delivery is queued again.");
        browser.await(d -> !browser.texts("tr.delivery .status").contains("SKIPPED"));
    }

    @Test
    @Order(10)
    void aSentMessagesTimelineReachesDeliveredAndFinalizedAndShowsItsTextAsText() {
        browser.open("/messages");
        browser.screenshots("messages-empty");
        browser.type("#send-to", "+15550104242");
        browser.type("#send-body", HOSTILE_BODY);
        browser.click("#send-form button[type=submit]");
        assertThat(browser.path()).startsWith("/messages/msg_");
        browser.await(d -> browser.text("#message-status").equals("delivered")
                && browser.texts("ol.timeline li .what").stream().anyMatch(line -> line.contains("message.finalized to")
                && line.contains("HTTP 200")));
        List<String> lines = browser.texts("ol.timeline li .what");
        assertThat(lines).anyMatch(l -> l.endsWith("queued")).anyMatch(l -> l.contains("submit_sm_resp segment 1/1: accepted"))
                .anyMatch(l -> l.contains("receipt segment 1/1: DELIVRD")).anyMatch(l -> l.endsWith("delivered"))
                .anyMatch(l -> l.contains("event message.sent")).anyMatch(l -> l.contains("event message.finalized"));
        assertThat(browser.text("#message-body")).isEqualTo(HOSTILE_BODY);
        assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
        browser.screenshots("message-timeline");
    }

    @Test
    @Order(11)
    void aSimulatedInboundMessageArrivesAndItsReceivedEventIsDelivered() {
        browser.open("/messages");
        browser.type("#sim-from", "+15550107777");
        browser.type("#sim-body", "STOP");
        browser.click("#simulate-form button[type=submit]");
        assertThat(browser.path()).startsWith("/messages/msg_");
        browser.await(d -> browser.texts("ol.timeline li .what").stream()
                .anyMatch(line -> line.contains("message.received to " + receiver.url("/second") + ": attempt 1 → HTTP 200")));
        assertThat(browser.text("#message-status")).isEqualTo("received");
        browser.open("/messages");
        browser.screenshots("messages");
        browser.open("/contacts");
        assertThat(browser.text("tr.contact")).contains("+15550107777").contains("blocked");
        browser.screenshots("contacts");
        browser.click("tr.contact form button");
        assertThat(browser.text(".notice")).contains("+15550107777 is unblocked");
    }

    @Test
    @Order(12)
    void aTokenIsShownOnceAndRevokedAfterAConfirmation() {
        browser.open("/settings/tokens");
        browser.type("#name", "browser test");
        browser.check("#scope-read-webhooks");
        browser.check("#scope-write-messages");
        browser.click("#token-form button[type=submit]");
        String token = browser.text("#new-token");
        assertThat(token).startsWith("vm_");
        browser.screenshots("token-created");
        assertThat(withToken(token).execute("{ webhooks { id } }").hasErrors()).isFalse();
        browser.open("/settings/tokens");
        browser.screenshots("tokens");
        browser.click(browser.find("tr.token a.button"));
        assertThat(browser.text("#confirm-text")).contains("browser test");
        browser.click("#confirm");
        assertThat(browser.text(".notice")).startsWith("Revoked tok_");
        assertThat(withToken(token).execute("{ webhooks { id } }").status()).isEqualTo(401);
    }

    @Test
    @Order(13)
    void aFailingWebhookWarnsWhenItWillBeDisabledAndDeletingNamesTheUrl() {
        String url = receiver.url("/flaky");
        Webhook flaky = webhooks.register(org.id(), url);
        receiver.answering(r -> r.path().equals("/flaky") ? TestReceiver.Reply.status(503) : TestReceiver.Reply.status(200));
        browser.open("/settings/webhooks/" + flaky.id());
        browser.click("#send-test");
        browser.await(d -> {
            browser.open("/settings/webhooks/" + flaky.id());
            return browser.present("#failing-warning");
        });
        assertThat(browser.text("#failing-warning")).contains("HTTP 503").contains("5 days").contains("will be disabled in 4 days");
        browser.screenshots("webhook-failing");
        browser.open("/settings/webhooks");
        browser.screenshots("webhooks");
        browser.open("/settings/webhooks/" + flaky.id());
        browser.click("#delete-link");
        assertThat(browser.text("#confirm-text")).contains(url);
        browser.screenshots("confirm-delete");
        browser.click("#confirm");
        assertThat(browser.text(".notice")).isEqualTo("Deleted the webhook " + url + ".");
        assertThat(webhooks.find(org.id(), flaky.id())).isEmpty();
        receiver.answering(200);
    }

    @Test
    @Order(14)
    void aViewerChoosesAPasswordThenSeesNoWriteControlsAndAForgedWriteIsRefused() {
        browser.open("/settings/users");
        browser.type("#email", viewer);
        browser.find("#role").sendKeys("viewer");
        browser.click("#user-form button[type=submit]");
        String oneTime = browser.text("#one-time-password");
        browser.screenshots("user-added");
        browser.open("/settings/users");
        browser.screenshots("users");
        signOut();
        signIn(viewer, oneTime);
        assertThat(browser.path()).isEqualTo("/account/password");
        browser.screenshots("password");
        browser.type("#currentPassword", oneTime);
        browser.type("#newPassword", PASSWORD);
        browser.type("#repeatPassword", PASSWORD);
        browser.click("form.stack button[type=submit]");
        assertThat(browser.path()).startsWith("/settings/webhooks");
        assertThat(browser.present("#register-form")).isFalse();
        browser.open("/settings/webhooks/" + webhookId);
        assertThat(browser.present("#disable")).isFalse();
        assertThat(browser.present("#delete-link")).isFalse();
        assertThat(browser.present("#send-test")).isFalse();
        assertThat(browser.present("#show-secret")).isFalse();
        assertThat(browser.present("#url-form")).isFalse();
        browser.screenshots("webhook-viewer");
        Object status = browser.asyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/settings/webhooks/' + arguments[0] + '/disable', {method: 'POST',
                    headers: {'X-CSRF-TOKEN': document.querySelector('meta[name=_csrf]').content}})
                  .then(function (r) { done(r.status); });""", webhookId);
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(webhooks.get(org.id(), webhookId).enabled()).isTrue();
        browser.open("/settings/tokens");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        browser.screenshots("forbidden");
        browser.open("/settings/webhooks/wh_01ZZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(browser.text("main p")).isEqualTo("webhook not found");
        browser.screenshots("not-found");
        signOut();
    }

    @Test
    @Order(15)
    void theAuditLogListsWhatThisTestDid() {
        signIn(admin, PASSWORD);
        browser.open("/settings/audit");
        List<String> actions = browser.texts("td.action");
        assertThat(actions).contains("user.signed_in", "user.sign_in_failed", "webhook.registered", "webhook.url_changed",
                "webhook.disabled", "webhook.enabled", "webhook.secret_rotated", "webhook.test_sent", "delivery.resent",
                "webhook.recovery_started", "token.created", "token.revoked", "webhook.deleted", "user.added",
                "user.password_changed", "contact.unblocked");
        assertThat(browser.texts("tr.audit-entry"))
                .anyMatch(row -> row.contains(admin) && row.contains("webhook.url_changed") && row.contains(receiver.url("/second")));
        browser.screenshots("audit");
    }

    private void signIn(String email, String password) {
        browser.open("/signin");
        browser.type("#email", email);
        browser.type("#password", password);
        browser.click("form.stack button[type=submit]");
    }

    private void signOut() {
        browser.click("header .who form button");
        assertThat(browser.path()).startsWith("/signin");
    }
}
