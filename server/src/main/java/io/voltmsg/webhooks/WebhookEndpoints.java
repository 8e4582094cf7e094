package io.voltmsg.webhooks;

import io.voltmsg.delivery.Endpoint;
import io.voltmsg.delivery.Endpoints;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Serves delivery's view of endpoints from the registry. */
@Component
class WebhookEndpoints implements Endpoints {

    private final WebhookRepository repository;

    WebhookEndpoints(WebhookRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Endpoint> receiversOf(String organizationId) {
        return repository.list(organizationId).stream().map(WebhookEndpoints::toEndpoint).toList();
    }

    @Override
    public Optional<Endpoint> find(String endpointId) {
        return repository.findAnyOrganization(endpointId).map(WebhookEndpoints::toEndpoint);
    }

    private static Endpoint toEndpoint(Webhook webhook) {
        return new Endpoint(webhook.id(), webhook.organizationId(), URI.create(webhook.url()), webhook.enabled(), List.of());
    }
}
