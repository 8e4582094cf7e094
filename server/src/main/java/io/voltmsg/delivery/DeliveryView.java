package io.voltmsg.delivery;

import java.time.Instant;

/**
 * One delivery as the API shows it.
 *
 * @param nextAttemptAt when it is next due; null unless {@code PENDING}
 */
public record DeliveryView(String id, String webhookId, String eventId, String eventType, String messageId,
                           String status, int attempts, Instant nextAttemptAt, Instant createdAt,
                           Instant lastUpdatedAt, String organizationId) {
}
