package io.voltmsg.delivery;

import java.time.Instant;
import java.util.List;

/**
 * What narrows a webhook's deliveries; every field may be null (no narrowing).
 *
 * @param messageIds deliveries of any of these messages (a phone-number search: messaging finds the messages)
 */
public record DeliveryFilter(String status, String eventType, Instant from, Instant to, String eventId,
                             String messageId, List<String> messageIds) {

    public static final DeliveryFilter NONE = new DeliveryFilter(null, null, null, null, null, null, null);

    public DeliveryFilter {
        messageIds = messageIds == null ? null : List.copyOf(messageIds);
    }
}
