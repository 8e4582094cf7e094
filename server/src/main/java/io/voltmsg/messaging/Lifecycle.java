package io.voltmsg.messaging;

import io.voltmsg.carrier.DeliveryReceipt;
import java.util.Optional;

/**
 * The message state machine as a pure function: what a trigger does to a status, or nothing when the
 * transition is impossible (a late or duplicate receipt, an answer for a message already final, ...).
 *
 * <pre>
 * queued  --CLAIMED-->          sending
 * sending --LINK_LOST-->        queued      (no submit_sm_resp: submitted again after the next bind)
 * sending --ACCEPTED-->         sent
 * sending --REFUSED-->          failed
 * queued  --VALIDITY_EXPIRED--> failed      (could not be submitted within voltmsg.messaging.validity)
 * sending --VALIDITY_EXPIRED--> failed
 * sent    --DELIVERED-->        delivered   (every segment's receipt is DELIVRD)
 * sent    --UNDELIVERED-->      undelivered (one segment's receipt failed)
 * sent    --RECEIPT_TIMEOUT-->  undelivered (errorCode EXPIRED)
 * </pre>
 * Inbound messages are created {@code received} and never move.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** What happened to a message. */
    public enum Trigger {
        CLAIMED, LINK_LOST, ACCEPTED, REFUSED, VALIDITY_EXPIRED, DELIVERED, UNDELIVERED, RECEIPT_TIMEOUT
    }

    /** The effect a receipt {@code stat} has on its segment (DESIGN.md §6). */
    public enum ReceiptEffect { DELIVERED, UNDELIVERED, NO_CHANGE }

    public static Optional<MessageStatus> next(MessageStatus current, Trigger trigger) {
        MessageStatus to = switch (trigger) {
            case CLAIMED -> current == MessageStatus.QUEUED ? MessageStatus.SENDING : null;
            case LINK_LOST -> current == MessageStatus.SENDING ? MessageStatus.QUEUED : null;
            case ACCEPTED -> current == MessageStatus.SENDING ? MessageStatus.SENT : null;
            case REFUSED -> current == MessageStatus.SENDING ? MessageStatus.FAILED : null;
            case VALIDITY_EXPIRED -> current == MessageStatus.QUEUED || current == MessageStatus.SENDING
                    ? MessageStatus.FAILED : null;
            case DELIVERED -> current == MessageStatus.SENT ? MessageStatus.DELIVERED : null;
            case UNDELIVERED, RECEIPT_TIMEOUT -> current == MessageStatus.SENT ? MessageStatus.UNDELIVERED : null;
        };
        return Optional.ofNullable(to);
    }

    public static ReceiptEffect effectOf(DeliveryReceipt.Stat stat) {
        return switch (stat) {
            case DELIVRD -> ReceiptEffect.DELIVERED;
            case UNDELIV, EXPIRED, REJECTD, DELETED -> ReceiptEffect.UNDELIVERED;
            case ACCEPTD, ENROUTE, UNKNOWN -> ReceiptEffect.NO_CHANGE;
        };
    }
}
