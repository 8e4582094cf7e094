package io.voltmsg.webhooks;

import java.time.Instant;

/** A registered webhook endpoint as the API shows it. */
public record Webhook(String id, String organizationId, String url, boolean enabled, String disabledReason,
                      Instant createdAt, Instant lastUpdatedAt) {
}
