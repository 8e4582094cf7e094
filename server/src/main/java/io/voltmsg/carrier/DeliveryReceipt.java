package io.voltmsg.carrier;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery receipt for one submitted segment.
 *
 * @param carrierMessageId the id the carrier gave in submit_sm_resp, exactly as given (hex or decimal)
 * @param stat             the final or intermediate state reported
 * @param err              the receipt's {@code err:} field (e.g. "000"), or null when absent
 * @param text             the receipt's {@code text:} field (start of the original message), or null
 * @param doneDate         the receipt's {@code done date:} read as UTC, or null when absent or invalid
 * @param receivedAt       when we received the receipt
 */
public record DeliveryReceipt(String carrierMessageId, Stat stat, String err, String text, Instant doneDate,
                              Instant receivedAt) {

    public DeliveryReceipt {
        Objects.requireNonNull(carrierMessageId, "carrierMessageId");
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The {@code stat:} values of SMPP 3.4 appendix B. */
    public enum Stat { DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, UNKNOWN, ACCEPTD, ENROUTE }
}
