package io.voltmsg.webhooks;

import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import io.voltmsg.signing.SigningProperties;
import io.voltmsg.signing.WebhookSecrets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code whsec_} secrets of endpoints: generated and sealed by the signing package, stored
 * sealed here. The current secret has no end; a rotation gives the previous one an end
 * {@code voltmsg.signing.secret-overlap} away, until which both sign (newest first).
 */
@Component
class EndpointSecrets {

    private final WebhookSecretRepository repository;
    private final WebhookSecrets secrets;
    private final SigningProperties signing;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EndpointSecrets(WebhookSecretRepository repository, WebhookSecrets secrets, SigningProperties signing,
                    TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.signing = signing;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new secret, not stored yet (registration stores it only once the test passed). */
    String generate() {
        return secrets.generate();
    }

    /** Stores {@code secret} as the webhook's current secret, in the caller's transaction. */
    void store(String webhookId, String secret, Instant now) {
        String id = Ids.newId("whs", now);
        repository.insert(new WebhookSecretRepository.SealedSecret(id, webhookId, secrets.seal(secret, id), now, null));
    }

    /** The secrets that sign now, newest first. */
    List<String> active(String webhookId) {
        return activeOf(List.of(webhookId)).getOrDefault(webhookId, List.of());
    }

    /** The secrets that sign now of each of the webhooks (those with none are absent), newest first. */
    Map<String, List<String>> activeOf(Collection<String> webhookIds) {
        Map<String, List<String>> out = new HashMap<>();
        if (webhookIds.isEmpty()) {
            return out;
        }
        for (WebhookSecretRepository.SealedSecret s : repository.active(webhookIds, Times.now(clock))) {
            out.computeIfAbsent(s.webhookId(), k -> new ArrayList<>()).add(secrets.open(s.sealed(), s.id()));
        }
        return out;
    }

    /** The newest secret; one is made for an endpoint that has none (registered before secrets existed). */
    String current(String webhookId) {
        List<String> active = active(webhookId);
        if (!active.isEmpty()) {
            return active.get(0);
        }
        String secret = generate();
        transactions.executeWithoutResult(tx -> store(webhookId, secret, Times.now(clock)));
        return active(webhookId).get(0);
    }

    /** When the newest secret was made, and until when older ones still sign (null when none does). */
    SecretStatus status(String webhookId) {
        List<WebhookSecretRepository.SealedSecret> active = repository.active(List.of(webhookId), Times.now(clock));
        Instant previousEnds = active.stream().map(WebhookSecretRepository.SealedSecret::expiresAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        return new SecretStatus(active.isEmpty() ? null : active.get(0).createdAt(), previousEnds);
    }

    /** Replaces the current secret; the previous one keeps signing until the returned instant. */
    WebhookSecret rotate(String webhookId) {
        Instant now = Times.now(clock);
        Instant previousEnds = now.plus(signing.secretOverlap());
        String secret = generate();
        Integer ended = transactions.execute(tx -> {
            repository.deleteExpired(webhookId, now);
            int count = repository.expireOpenEnded(webhookId, previousEnds);
            store(webhookId, secret, now);
            return count;
        });
        return new WebhookSecret(secret, ended != null && ended > 0 ? previousEnds : null);
    }
}
