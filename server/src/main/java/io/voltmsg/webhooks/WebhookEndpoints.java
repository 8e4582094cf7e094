package io.voltmsg.webhooks;

import io.voltmsg.delivery.Endpoint;
import io.voltmsg.delivery.Endpoints;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Serves delivery's view of endpoints from the registry. */
@Component
class WebhookEndpoints implements Endpoints {

    private final WebhookRepository repository;
    private final EndpointSecrets secrets;

    WebhookEndpoints(WebhookRepository repository, EndpointSecrets secrets) {
        this.repository = repository;
        this.secrets = secrets;
    }

    @Override
    public List<Endpoint> receiversOf(String organizationId) {
        Map<String, List<String>> active = secrets.activeOfOrganization(organizationId);
        return repository.list(organizationId).stream()
                .map(w -> toEndpoint(w, active.getOrDefault(w.id(), List.of())))
                .toList();
    }

    @Override
    public Optional<Endpoint> find(String endpointId) {
        return repository.findAnyOrganization(endpointId).map(w -> toEndpoint(w, secrets.active(w.id())));
    }

    private static Endpoint toEndpoint(Webhook webhook, List<String> signingSecrets) {
        return new Endpoint(webhook.id(), webhook.organizationId(), URI.create(webhook.url()), webhook.enabled(),
                signingSecrets);
    }
}
