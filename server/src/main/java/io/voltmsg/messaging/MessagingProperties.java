package io.voltmsg.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Messages ({@code voltmsg.messaging.*}). */
@ConfigurationProperties("voltmsg.messaging")
public record MessagingProperties(
        // A sent message with no final receipt after this long becomes undelivered (errorCode EXPIRED).
        @DefaultValue("72h") Duration receiptTimeout,
        // A message not accepted by the carrier this long after it was created becomes failed (errorCode VALIDITY_EXPIRED).
        @DefaultValue("10h") Duration validity,
        // createMessage with the same idempotencyKey within this window returns the first message.
        @DefaultValue("24h") Duration idempotencyWindow,
        // Answer to an inbound HELP when the organization configured none (setHelpReply).
        @DefaultValue("Reply STOP to unsubscribe, START to subscribe again. Msg&data rates may apply.") String helpReply,
        // At most this many submits wait for the carrier at once (the SMPP window bounds the wire).
        @DefaultValue("50") int maxInFlight,
        // Queued messages claimed per database round trip.
        @DefaultValue("50") int batchSize,
        // How long a claimed message is reserved for the instance submitting it.
        @DefaultValue("60s") Duration lease,
        // How often to look for queued messages when not woken, and for overdue receipts.
        @DefaultValue("1s") Duration pollInterval,
        // How long simulateInboundMessage waits for its deliver_sm to come back through the carrier link.
        @DefaultValue("10s") Duration simulateTimeout,
        // An organization's messages not yet submitted to the carrier (queued or sending) beyond which createMessage fails with QUEUE_FULL and stores nothing.
        @DefaultValue("10000") int maxQueued) {

    public MessagingProperties {
        if (maxInFlight < 1 || batchSize < 1 || maxQueued < 1) {
            throw new IllegalArgumentException(
                    "voltmsg.messaging.max-in-flight, batch-size and max-queued must be at least 1");
        }
    }
}
