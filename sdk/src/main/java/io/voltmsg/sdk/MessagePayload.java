package io.voltmsg.sdk;

import java.time.Instant;
import java.util.List;

/**
 * The message a {@code message.*} event is about, as it was when the event happened.
 *
 * @param id           the message id ({@code msg_…})
 * @param type         {@code SMS}
 * @param direction    {@code inbound} or {@code outbound}
 * @param fromNumber   E.164 sender
 * @param toNumber     E.164 recipient
 * @param text         the message text (the field Volt receivers read)
 * @param body         the same text (the name the GraphQL {@code Message} uses)
 * @param media        media URLs (empty for SMS)
 * @param status       {@code queued}, {@code sending}, {@code sent}, {@code delivered}, {@code undelivered},
 *                     {@code failed} or {@code received}
 * @param segments     SMS segments the text took
 * @param errorCode    why it failed ({@code UNDELIV}, {@code EXPIRED}, {@code SUBMIT_REFUSED}, …), or null
 * @param errorMessage the carrier's detail, or null
 * @param createdAt    when the message was created
 * @param sentAt       when the carrier accepted it, or null
 * @param deliveredAt  when it was delivered, or null
 * @param finalizedAt  when it reached its final state, or null
 */
public record MessagePayload(String id, String type, String direction, String fromNumber, String toNumber, String text,
                             String body, List<String> media, String status, int segments, String errorCode,
                             String errorMessage, Instant createdAt, Instant sentAt, Instant deliveredAt,
                             Instant finalizedAt) implements WebhookPayload {

    public MessagePayload {
        media = media == null ? List.of() : List.copyOf(media);
    }

    public boolean isInbound() {
        return "inbound".equals(direction);
    }
}
