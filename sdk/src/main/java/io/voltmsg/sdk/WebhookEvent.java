package io.voltmsg.sdk;

import java.time.Instant;

/**
 * A webhook body, typed.
 *
 * @param id             the event id ({@code evt_…}), the same as the {@code webhook-id} header
 * @param type           one of the constants below, or a type a newer server added
 * @param createdAt      when the event happened
 * @param sequence       increasing across the server's events (gaps allowed): orders events of one message
 * @param organizationId the organization whose number the event is about ({@code org_…})
 * @param payload        a {@link MessagePayload} for {@code message.*} events, a {@link TestPayload} for
 *                       {@code webhook.test}, an {@link OtherPayload} otherwise
 */
public record WebhookEvent(String id, String type, Instant createdAt, long sequence, String organizationId,
                           WebhookPayload payload) {

    public static final String MESSAGE_RECEIVED = "message.received";
    public static final String MESSAGE_SENT = "message.sent";
    public static final String MESSAGE_DELIVERED = "message.delivered";
    public static final String MESSAGE_FAILED = "message.failed";
    public static final String MESSAGE_FINALIZED = "message.finalized";
    public static final String WEBHOOK_TEST = "webhook.test";

    public boolean isMessageEvent() {
        return payload instanceof MessagePayload;
    }

    public boolean isTest() {
        return payload instanceof TestPayload;
    }

    /** The message this event is about; fails for an event that is not a {@code message.*} event. */
    public MessagePayload message() {
        if (payload instanceof MessagePayload message) {
            return message;
        }
        throw new IllegalStateException("event " + id + " is " + type + ", not a message event");
    }
}
