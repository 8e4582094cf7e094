package io.voltmsg.webhooks;

import io.voltmsg.audit.Actor;
import io.voltmsg.audit.AuditLog;
import io.voltmsg.delivery.Endpoint;
import io.voltmsg.delivery.Endpoints;
import io.voltmsg.delivery.Receiver;
import io.voltmsg.shared.Times;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Serves delivery's view of endpoints from the registry. */
@Component
class WebhookEndpoints implements Endpoints {

    private final WebhookRepository repository;
    private final EndpointSecrets secrets;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    WebhookEndpoints(WebhookRepository repository, EndpointSecrets secrets, Clock clock, AuditLog audit,
                     TransactionTemplate transactions) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public List<Receiver> receiversOf(String organizationId) {
        return repository.listCached(organizationId).stream().map(w -> new Receiver(w.id(), w.enabled())).toList();
    }

    @Override
    public Optional<Endpoint> find(String endpointId) {
        return repository.findAnyOrganization(endpointId).map(w -> toEndpoint(w, secrets.active(w.id())));
    }

    @Override
    public Map<String, Endpoint> findAll(Collection<String> endpointIds) {
        List<Webhook> webhooks = repository.findAllAnyOrganization(endpointIds);
        Map<String, List<String>> active = secrets.activeOf(webhooks.stream().map(Webhook::id).toList());
        Map<String, Endpoint> found = new HashMap<>();
        for (Webhook webhook : webhooks) {
            found.put(webhook.id(), toEndpoint(webhook, active.getOrDefault(webhook.id(), List.of())));
        }
        return found;
    }

    /** The delivery engine disables a failing endpoint (or one that answered 410): recorded as voltmsg's doing. */
    @Override
    public boolean disable(String endpointId, String reason) {
        Boolean changed = transactions.execute(tx -> {
            Optional<Webhook> webhook = repository.findAnyOrganization(endpointId);
            if (webhook.isEmpty() || !repository.setEnabled(endpointId, false, reason, Times.now(clock), true)) {
                return false;
            }
            audit.record(Actor.system(), webhook.get().organizationId(), "webhook.disabled", endpointId, reason);
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    @Override
    public int countDisabled() {
        return repository.countDisabled();
    }

    private static Endpoint toEndpoint(Webhook webhook, List<String> signingSecrets) {
        return new Endpoint(webhook.id(), webhook.organizationId(), URI.create(webhook.url()), webhook.enabled(),
                signingSecrets);
    }
}
