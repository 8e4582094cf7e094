package io.voltmsg.portal;

import io.voltmsg.delivery.EndpointHealthView;
import io.voltmsg.delivery.EndpointStats;
import io.voltmsg.webhooks.Webhook;

/** A webhook as its row and page show it: its last 24 hours, their chart data, and its health. */
public record WebhookView(Webhook webhook, EndpointStats stats, String chart, EndpointHealthView health) {
}
