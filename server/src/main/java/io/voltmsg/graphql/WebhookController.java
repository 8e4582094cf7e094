package io.voltmsg.graphql;

import io.voltmsg.accounts.Scope;
import io.voltmsg.webhooks.Webhook;
import io.voltmsg.webhooks.WebhookService;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @QueryMapping
    List<Webhook> webhooks() {
        return webhooks.list(CallerContext.require(Scope.READ_WEBHOOKS).organizationId());
    }

    @QueryMapping
    Webhook webhook(@Argument String id) {
        return webhooks.find(CallerContext.require(Scope.READ_WEBHOOKS).organizationId(), id).orElse(null);
    }

    @MutationMapping
    Webhook registerWebhook(@Argument String url) {
        return webhooks.register(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), url);
    }

    @MutationMapping
    Webhook updateWebhook(@Argument String id, @Argument String url) {
        return webhooks.update(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), id, url);
    }

    @MutationMapping
    boolean deleteWebhook(@Argument String id) {
        return webhooks.delete(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), id);
    }
}
