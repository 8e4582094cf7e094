package io.voltmsg.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message as the API and webhooks show it. {@code status} is the lower-case text Volt clients read;
 * {@code media} is always empty (SMS only).
 */
public record Message(String id, String organizationId, MessageDirection direction, String fromNumber, String toNumber,
                      String body, MessageStatus state, int segments, String errorCode, String errorMessage,
                      Instant createdAt, Instant sentAt, Instant deliveredAt, Instant finalizedAt) {

    public String status() {
        return state.wire();
    }

    public List<String> media() {
        return List.of();
    }
}
