package io.voltmsg.webhooks;

import io.voltmsg.audit.AuditLog;
import io.voltmsg.audit.Actors;
import io.voltmsg.delivery.DeliveryService;
import io.voltmsg.delivery.SendOutcome;
import io.voltmsg.delivery.TestRequests;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook registry. A URL is stored only after the signed test request to it succeeded,
 * so every stored endpoint answered at least once.
 */
@Service
public class WebhookService {

    public static final String TEST_FAILED_MESSAGE = "webhook failed to respond successfully";

    private final WebhookRepository repository;
    private final TestRequests testRequests;
    private final WebhookLimits limits;
    private final EndpointSecrets secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DeliveryService deliveries;
    private final AuditLog audit;

    WebhookService(WebhookRepository repository, TestRequests testRequests, WebhookLimits limits,
                   EndpointSecrets secrets, TransactionTemplate transactions, Clock clock, DeliveryService deliveries,
                   AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.testRequests = testRequests;
        this.limits = limits;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    /** Registers a URL, or returns the organization's existing webhook for the same URL without a new test. */
    public Webhook register(String organizationId, String rawUrl) {
        URI url = WebhookUrls.parse(rawUrl);
        String normalized = WebhookUrls.normalize(url);
        Optional<Webhook> existing = repository.findByNormalizedUrl(organizationId, normalized);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (repository.count(organizationId) >= limits.maxPerOrganization()) {
            throw ApiException.badInput("url", "an organization may have at most " + limits.maxPerOrganization()
                    + " webhooks; delete one first");
        }
        // The secret exists before the test so the test request carries a v1 signature; it is stored only if the test passes.
        String secret = secrets.generate();
        requireSuccessfulTest(organizationId, url, List.of(secret));
        Instant now = Times.now(clock);
        Webhook webhook = new Webhook(Ids.newId("wh", now), organizationId, url.toString(), true, null, now, now);
        try {
            transactions.executeWithoutResult(tx -> {
                repository.insert(webhook, normalized);
                secrets.store(webhook.id(), secret, now);
                audit.record(organizationId, "webhook.registered", webhook.id(), webhook.url());
            });
            return webhook;
        } catch (DuplicateKeyException e) {
            // Registered concurrently by another request: the registration stands once.
            return repository.findByNormalizedUrl(organizationId, normalized).orElseThrow(() -> e);
        }
    }

    /** Points a webhook at a new URL, which must pass the test first. */
    public Webhook update(String organizationId, String id, String rawUrl) {
        Webhook webhook = get(organizationId, id);
        URI url = WebhookUrls.parse(rawUrl);
        String normalized = WebhookUrls.normalize(url);
        Optional<Webhook> other = repository.findByNormalizedUrl(organizationId, normalized);
        if (other.isPresent() && !other.get().id().equals(id)) {
            throw ApiException.badInput("url", "another webhook of this organization already has this URL");
        }
        requireSuccessfulTest(organizationId, url, secrets.active(webhook.id()));
        try {
            transactions.executeWithoutResult(tx -> {
                repository.updateUrl(id, url.toString(), normalized, Times.now(clock));
                audit.record(organizationId, "webhook.url_changed", id, webhook.url() + " → " + url);
            });
            deliveries.endpointChanged(id);
        } catch (DuplicateKeyException e) {
            throw ApiException.badInput("url", "another webhook of this organization already has this URL");
        }
        return get(organizationId, webhook.id());
    }

    /** Deletes a webhook; its pending deliveries are cancelled, its history stays until retention purges it. */
    @Transactional
    public boolean delete(String organizationId, String id) {
        Webhook webhook = get(organizationId, id);
        if (!repository.markDeleted(organizationId, id, Times.now(clock))) {
            throw ApiException.notFound("webhook");
        }
        int cancelled = deliveries.endpointDeleted(id);
        audit.record(organizationId, "webhook.deleted", id, webhook.url()
                + (cancelled > 0 ? " (" + cancelled + " pending deliveries cancelled)" : ""));
        return true;
    }

    /** Disables a webhook by hand: it receives nothing, its pending deliveries wait, new events are SKIPPED. */
    @Transactional
    public Webhook disable(String organizationId, String id) {
        Webhook webhook = get(organizationId, id);
        if (webhook.enabled()) {
            repository.setEnabled(id, false, "disabled by " + Actors.current().label() + " at "
                    + Times.iso(Times.now(clock)), Times.now(clock), true);
            audit.record(organizationId, "webhook.disabled", id, webhook.url());
            deliveries.endpointChanged(id);
        }
        return get(organizationId, id);
    }

    /** Enables a webhook: its reason is cleared and its waiting deliveries are sent at once. */
    @Transactional
    public Webhook enable(String organizationId, String id) {
        Webhook webhook = get(organizationId, id);
        if (!webhook.enabled()) {
            repository.setEnabled(id, true, null, Times.now(clock), false);
            int resumed = deliveries.endpointEnabled(id);
            audit.record(organizationId, "webhook.enabled", id, webhook.url()
                    + (resumed > 0 ? " (" + resumed + " waiting deliveries resumed)" : ""));
        }
        return get(organizationId, id);
    }

    public List<Webhook> list(String organizationId) {
        return repository.list(organizationId);
    }

    /** The organization's webhook; NOT_FOUND also for another organization's id. */
    public Webhook get(String organizationId, String id) {
        return find(organizationId, id).orElseThrow(() -> ApiException.notFound("webhook"));
    }

    public Optional<Webhook> find(String organizationId, String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return repository.find(organizationId, id);
    }

    /** The webhook's current {@code whsec_} secret (the first {@code v1} signature). */
    public String secret(String organizationId, String id) {
        return secrets.current(get(organizationId, id).id());
    }

    /** Replaces the webhook's secret; the previous one keeps signing during the overlap. */
    public WebhookSecret rotateSecret(String organizationId, String id) {
        Webhook webhook = get(organizationId, id);
        return transactions.execute(tx -> {
            WebhookSecret rotated = secrets.rotate(webhook.id());
            audit.record(organizationId, "webhook.secret_rotated", id, rotated.previousSecretExpiresAt() == null
                    ? "no previous secret" : "the previous secret signs until " + Times.iso(rotated.previousSecretExpiresAt()));
            return rotated;
        });
    }

    /** When the current secret was made and until when the previous one still signs (null: no overlap). */
    public SecretStatus secretStatus(String organizationId, String id) {
        return secrets.status(get(organizationId, id).id());
    }

    private void requireSuccessfulTest(String organizationId, URI url, List<String> signingSecrets) {
        SendOutcome outcome = testRequests.send(organizationId, url, signingSecrets);
        if (!outcome.isSuccess()) {
            throw new ApiException("WEBHOOK_TEST_FAILED", TEST_FAILED_MESSAGE, Map.of("reason", outcome.reason()));
        }
    }
}
