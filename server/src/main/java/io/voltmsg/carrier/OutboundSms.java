package io.voltmsg.carrier;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to submit.
 *
 * @param reference the caller's id for the message, used only in logs
 * @param from      sender, E.164 with '+' (e.g. {@code +15551230000}) or an alphanumeric sender id
 * @param to        destination, E.164 with '+'
 * @param text      the body; encoding and segmentation are decided by the carrier link
 * @param submitBy  no segment goes out after this moment (null: no limit); the submit then fails as
 *                  {@link CarrierUnavailableException}, so a caller whose claim on the message runs out never
 *                  submits it while someone else may
 */
public record OutboundSms(String reference, String from, String to, String text, Instant submitBy) {
    public OutboundSms {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }

    /** Without a deadline. */
    public OutboundSms(String reference, String from, String to, String text) {
        this(reference, from, to, text, null);
    }
}
