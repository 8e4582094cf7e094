package io.voltmsg.graphql;

import io.voltmsg.accounts.Scope;
import io.voltmsg.webhooks.WebhookSecret;
import io.voltmsg.webhooks.WebhookService;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class WebhookSecretController {

    private final WebhookService webhooks;

    WebhookSecretController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @QueryMapping
    String webhookSecret(@Argument String id) {
        return webhooks.secret(CallerContext.require(Scope.READ_WEBHOOKS).organizationId(), id);
    }

    @MutationMapping
    WebhookSecret rotateWebhookSecret(@Argument String id) {
        return webhooks.rotateSecret(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), id);
    }
}
