package io.voltmsg.graphql;

import io.voltmsg.accounts.Scope;
import io.voltmsg.delivery.DeliveryAttemptView;
import io.voltmsg.delivery.DeliveryService;
import io.voltmsg.delivery.DeliveryView;
import io.voltmsg.webhooks.Webhook;
import io.voltmsg.webhooks.WebhookService;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class DeliveryController {

    record DeliveryEdge(String cursor, DeliveryView node) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record DeliveryConnection(List<DeliveryEdge> edges, PageInfo pageInfo) {
    }

    private final DeliveryService deliveries;
    private final WebhookService webhooks;

    DeliveryController(DeliveryService deliveries, WebhookService webhooks) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
    }

    @QueryMapping
    DeliveryConnection webhookDeliveries(@Argument String webhookId, @Argument String status, @Argument Integer first,
                                         @Argument String after) {
        DeliveryService.DeliveryPage page = deliveries.deliveries(
                CallerContext.require(Scope.READ_WEBHOOKS).organizationId(), webhookId, status, first, after);
        List<DeliveryEdge> edges = page.deliveries().stream().map(d -> new DeliveryEdge(d.id(), d)).toList();
        return new DeliveryConnection(edges,
                new PageInfo(page.hasNextPage(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @QueryMapping
    List<DeliveryAttemptView> deliveryAttempts(@Argument String deliveryId) {
        return deliveries.attempts(CallerContext.require(Scope.READ_WEBHOOKS).organizationId(), deliveryId);
    }

    @MutationMapping
    Webhook enableWebhook(@Argument String id) {
        return webhooks.enable(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), id);
    }

    @MutationMapping
    Webhook disableWebhook(@Argument String id) {
        return webhooks.disable(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), id);
    }

    @MutationMapping
    DeliveryView sendTestEvent(@Argument String webhookId) {
        return deliveries.sendTestEvent(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), webhookId);
    }

    @MutationMapping
    DeliveryView resendEvent(@Argument String eventId, @Argument String webhookId) {
        return deliveries.resendEvent(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), eventId, webhookId);
    }

    @MutationMapping
    int recoverWebhook(@Argument String webhookId, @Argument Instant since) {
        return deliveries.recover(CallerContext.require(Scope.WRITE_WEBHOOKS).organizationId(), webhookId, since);
    }
}
