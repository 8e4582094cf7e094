package io.voltmsg.sdk;

/**
 * A webhook request did not verify. {@link #reason()} says why in a form a program can act on,
 * {@link #header()} names the header concerned (when one is), and the message says it for a person.
 * Messages never contain secrets or signature bytes.
 */
public class WebhookVerificationException extends Exception {

    /** Why verification failed. */
    public enum Reason {
        /** A header the configured schemes need is absent or empty. */
        MISSING_HEADER,
        /** A header is present but not in its format (a timestamp that is not a number, two different ids, …). */
        MALFORMED_HEADER,
        /** Every signature of a scheme was not valid base64. */
        BAD_BASE64,
        /** {@code webhook-signature} has no entry of a configured scheme ({@code v1,} or {@code v1a,}). */
        MISSING_SIGNATURE,
        /** No signature of a configured scheme verifies with any of its keys or secrets: the body, id or timestamp was changed, or the key is wrong. */
        SIGNATURE_MISMATCH,
        /** {@code webhook-timestamp} is further from the receiver's clock than the tolerance (5 minutes by default): a replay, or a wrong clock. */
        TIMESTAMP_OUTSIDE_TOLERANCE,
        /**
         * The keys could not be fetched from the voltmsg server and none is known: the request may well be
         * genuine, so answer with a 5xx and voltmsg will retry it.
         */
        KEYS_UNAVAILABLE
    }

    private final Reason reason;
    private final String header;

    public WebhookVerificationException(Reason reason, String header, String message) {
        super(message);
        this.reason = reason;
        this.header = header;
    }

    WebhookVerificationException(Reason reason, String header, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.header = header;
    }

    public Reason reason() {
        return reason;
    }

    /** The header concerned, or null when the failure is not about one header. */
    public String header() {
        return header;
    }
}
