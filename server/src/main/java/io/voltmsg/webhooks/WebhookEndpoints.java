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
    private final EndpointSecrets secrets;

    WebhookEndpoints(WebhookRepository repository, EndpointSecrets secrets) {
        this.repository = repository;
        this.secrets = secrets;
    }

    @Override
    public List<Endpoint> receiversOf(String organizationId) {
        return repository.list(organizationId).stream().map(this::toEndpoint).toList();
    }

    @Override
    public Optional<Endpoint> find(String endpointId) {
        return repository.findAnyOrganization(endpointId).map(this::toEndpoint);
    }

    private Endpoint toEndpoint(Webhook webhook) {
        return new Endpoint(webhook.id(), webhook.organizationId(), URI.create(webhook.url()), webhook.enabled(),
                secrets.active(webhook.id()));
    }
}
