package io.voltmsg.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.IssuedPassword;
import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.SignIn;
import io.voltmsg.accounts.UserService;
import io.voltmsg.audit.AuditEntry;
import io.voltmsg.audit.AuditLog;
import io.voltmsg.delivery.DeliveryAttemptView;
import io.voltmsg.delivery.DeliveryDetail;
import io.voltmsg.delivery.DeliveryFilter;
import io.voltmsg.delivery.DeliveryHistory;
import io.voltmsg.messaging.CarrierAnswer;
import io.voltmsg.messaging.MessageService;
import io.voltmsg.messaging.MessageTimeline;
import io.voltmsg.shared.ApiException;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * What the portal's pages read and write, on the real database (H2, then PostgreSQL): every carrier
 * answer per segment, the audit trail of API and user actions with their actor, delivery searches and
 * the exact request headers of attempts, users and their sign-ins.
 */
class PortalDataTest extends IntegrationTest {

    static final String CREATE = "mutation($from: String!, $to: String!, $body: String!) { createMessage(to: $to, from: $from, body: $body) { id } }";

    @Autowired
    MessageService messages;
    @Autowired
    DeliveryHistory history;
    @Autowired
    AuditLog audit;
    @Autowired
    UserService users;

    @Test
    void everyCarrierAnswerIsKeptSegmentBySegment() {
        TestOrganization org = newOrganization();
        String longBody = "A".repeat(200); // GSM 7-bit: two segments
        String delivered = send(org, "+15550104444", longBody);
        String undeliverable = send(org, "+15005550001", "bad luck");
        String refused = send(org, "+15005550002", "refused");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(answers(org, delivered)).filteredOn(a -> a.kind().equals(CarrierAnswer.RECEIPT)).hasSize(2);
            assertThat(answers(org, undeliverable)).anyMatch(a -> "UNDELIV".equals(a.stat()));
            assertThat(answers(org, refused)).isNotEmpty();
        });
        List<CarrierAnswer> two = answers(org, delivered);
        assertThat(two).filteredOn(a -> a.kind().equals(CarrierAnswer.SUBMIT_RESP))
                .extracting(CarrierAnswer::segmentIndex, CarrierAnswer::commandStatus)
                .containsExactlyInAnyOrder(tuple(0, 0), tuple(1, 0));
        assertThat(two).filteredOn(a -> a.kind().equals(CarrierAnswer.RECEIPT))
                .allMatch(a -> a.stat().equals("DELIVRD") && a.carrierMessageId() != null)
                .extracting(CarrierAnswer::segmentIndex).containsExactlyInAnyOrder(0, 1);
        assertThat(answers(org, refused)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(CarrierAnswer.SUBMIT_RESP);
            assertThat(a.commandStatus()).isNotZero();
        });
        assertThat(messages.timeline(newOrganization().id(), delivered)).isEmpty();
    }

    @Test
    void apiChangesAreAuditedWithTheTokenThatMadeThem() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = newOrganization();
            String tokenId = accounts.authenticate(org.token()).orElseThrow().tokenId();
            String id = org.api().execute("mutation($url: String!) { registerWebhook(url: $url) { id } }",
                    Map.of("url", receiver.url())).data("registerWebhook").path("id").asString();
            org.api().execute("mutation($id: ID!, $url: String!) { updateWebhook(id: $id, url: $url) { id } }",
                    Map.of("id", id, "url", receiver.url("/v2")));
            org.api().execute("mutation($id: ID!) { disableWebhook(id: $id) { id } }", Map.of("id", id));
            org.api().execute("mutation($id: ID!) { enableWebhook(id: $id) { id } }", Map.of("id", id));
            org.api().execute("mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }", Map.of("id", id));
            org.api().execute("mutation($id: ID!) { recoverWebhook(webhookId: $id, since: \"2026-01-01T00:00:00.000Z\") }",
                    Map.of("id", id));
            org.api().execute("mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", id));
            List<AuditEntry> entries = audit.list(org.id(), null, null, 100).entries();
            assertThat(entries).extracting(AuditEntry::action).containsSubsequence("webhook.deleted",
                    "webhook.recovery_started", "webhook.secret_rotated", "webhook.enabled", "webhook.disabled",
                    "webhook.url_changed", "webhook.registered", "token.created");
            assertThat(entries).filteredOn(e -> e.action().startsWith("webhook."))
                    .allMatch(e -> e.actorType().equals("token") && e.actorId().equals(tokenId) && id.equals(e.targetId()));
            assertThat(entries).filteredOn(e -> e.action().equals("webhook.url_changed")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo(receiver.url() + " → " + receiver.url("/v2")));
            assertThat(audit.list(org.id(), "token.", null, 10).entries()).extracting(AuditEntry::action)
                    .containsOnly("token.created");
            assertThat(audit.list(newOrganization().id(), "webhook.", null, 10).entries()).isEmpty();
        }
    }

    @Test
    void anAuditEntryCanOnlyBeWrittenInsideTheChangesTransaction() {
        assertThatThrownBy(() -> audit.record("org_x", "webhook.registered", "wh_x", "outside"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void deliveriesAreSearchedCountedAndKeepTheExactHeadersSent() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = newOrganization();
            String id = org.api().execute("mutation($url: String!) { registerWebhook(url: $url) { id } }",
                    Map.of("url", receiver.url())).data("registerWebhook").path("id").asString();
            String message = send(org, "+15550105555", "hello");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history.search(org.id(), id,
                    new DeliveryFilter("DELIVERED", null, null, null, null, message, null), 20, null).deliveries()).hasSize(3));
            var finalized = history.search(org.id(), id, new DeliveryFilter(null, "message.finalized", null, null, null, null,
                    null), 20, null).deliveries();
            assertThat(finalized).singleElement().satisfies(d -> assertThat(d.messageId()).isEqualTo(message));
            String eventId = finalized.get(0).eventId();
            assertThat(history.search(org.id(), id, new DeliveryFilter(null, null, null, null, eventId, null, null), 20, null)
                    .deliveries()).singleElement().satisfies(d -> assertThat(d.eventType()).isEqualTo("message.finalized"));
            assertThat(history.search(org.id(), id, new DeliveryFilter(null, null, null, null, null, null,
                    messages.idsInvolving(org.id(), "+15550105555", 500)), 20, null).deliveries()).hasSize(3);
            assertThat(history.search(org.id(), id, new DeliveryFilter(null, null, null, null, null, null, List.of()), 20, null)
                    .deliveries()).isEmpty();
            assertThat(history.search(org.id(), id, new DeliveryFilter(null, null, Instant.now().plusSeconds(60), null, null,
                    null, null), 20, null).deliveries()).isEmpty();
            var page = history.search(org.id(), id, DeliveryFilter.NONE, 2, null);
            assertThat(page.hasNextPage()).isTrue();
            assertThat(history.search(org.id(), id, DeliveryFilter.NONE, 2, page.deliveries().get(1).id()).deliveries())
                    .hasSize(1);

            DeliveryDetail detail = history.detail(org.id(), id, finalized.get(0).id());
            DeliveryAttemptView attempt = detail.attempts().get(0);
            TestReceiver.Received got = receiver.received().stream()
                    .filter(r -> eventId.equals(r.header("webhook-id"))).findFirst().orElseThrow();
            assertThat(detail.bodyText()).isEqualTo(got.bodyText());
            for (Map.Entry<String, String> header : got.headers().entrySet()) {
                if (header.getKey().equals("connection")) {
                    continue; // hop-by-hop; the receiver's HTTP server reports one whatever was sent
                }
                assertThat(attempt.requestHeaders().toLowerCase(Locale.ROOT)).as(header.getKey())
                        .contains(header.getKey() + ": " + header.getValue().toLowerCase(Locale.ROOT));
            }

            org.api().execute("mutation($id: ID!) { disableWebhook(id: $id) { id } }", Map.of("id", id));
            send(org, "+15550105555", "while disabled");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history.search(org.id(), id,
                    new DeliveryFilter("SKIPPED", null, null, null, null, null, null), 20, null).deliveries()).hasSize(3));
            Instant since = Instant.now().minusSeconds(3600);
            int counted = history.countRecoverable(org.id(), id, since);
            assertThat(counted).isEqualTo(3);
            assertThat(org.api().execute("mutation($id: ID!, $since: DateTime!) { recoverWebhook(webhookId: $id, since: $since) }",
                    Map.of("id", id, "since", since.toString())).data("recoverWebhook").asInt()).isEqualTo(counted);
            assertThatThrownBy(() -> history.countRecoverable(newOrganization().id(), id, since))
                    .isInstanceOf(ApiException.class).hasMessage("webhook not found");
            assertThat(history.stats(org.id(), id).delivered()).isGreaterThanOrEqualTo(3);
            assertThat(history.health(org.id(), id).failing()).isFalse();
            assertThat(history.ofMessage(org.id(), message)).hasSize(3)
                    .allSatisfy(d -> assertThat(d.attempts()).isNotEmpty());
            assertThat(history.ofMessage(newOrganization().id(), message)).isEmpty();
        }
    }

    @Test
    void usersAreAddedOnceSignInAndTheLastAdminStays() {
        TestOrganization org = newOrganization();
        String email = "Owner+" + org.id() + "@Example.com";
        IssuedPassword owner = users.add(org.id(), email, Role.ADMIN);
        assertThat(owner.user().email()).isEqualTo(email.toLowerCase(Locale.ROOT));
        assertThat(owner.user().mustChangePassword()).isTrue();
        assertThatThrownBy(() -> users.add(org.id(), email.toUpperCase(Locale.ROOT), Role.VIEWER))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> users.add(org.id(), "not an address", Role.VIEWER)).hasMessageContaining("e-mail");
        assertThatThrownBy(() -> users.remove(org.id(), owner.user().id())).hasMessageContaining("last admin");
        assertThatThrownBy(() -> users.changeRole(org.id(), owner.user().id(), Role.VIEWER)).hasMessageContaining("last admin");

        assertThat(users.signIn(email, owner.password(), "10.9.8.7")).isInstanceOf(SignIn.Succeeded.class);
        assertThat(users.signIn(email, "wrong", "10.9.8.7")).isInstanceOf(SignIn.Refused.class);
        assertThat(users.signIn("nobody+" + org.id() + "@example.com", "wrong", "10.9.8.6")).isInstanceOf(SignIn.Refused.class);
        for (int i = 0; i < 4; i++) {
            users.signIn(email, "wrong", "10.9.8." + (10 + i));
        }
        assertThat(users.signIn(email, owner.password(), "10.9.8.99")).isInstanceOf(SignIn.Throttled.class);

        IssuedPassword reset = users.resetPassword(org.id(), owner.user().id());
        assertThat(reset.password()).isNotEqualTo(owner.password());
        assertThat(users.find(owner.user().id()).orElseThrow().passwordChangedAt())
                .isAfterOrEqualTo(owner.user().passwordChangedAt());
        List<String> actions = audit.list(org.id(), "user.", null, 20).entries().stream().map(AuditEntry::action).toList();
        assertThat(actions).contains("user.added", "user.signed_in", "user.sign_in_failed", "user.password_reset");
        assertThat(actions).filteredOn("user.sign_in_failed"::equals).hasSizeGreaterThanOrEqualTo(5);
        assertThatThrownBy(() -> users.get(newOrganization().id(), owner.user().id())).hasMessage("user not found");
    }

    private String send(TestOrganization org, String to, String body) {
        return org.api().execute(CREATE, Map.of("from", org.phoneNumber(), "to", to, "body", body))
                .data("createMessage").path("id").asString();
    }

    private List<CarrierAnswer> answers(TestOrganization org, String messageId) {
        return messages.timeline(org.id(), messageId).map(MessageTimeline::carrierAnswers).orElseThrow();
    }
}
