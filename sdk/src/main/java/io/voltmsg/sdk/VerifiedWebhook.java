package io.voltmsg.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A webhook request whose every configured signature verified. */
public final class VerifiedWebhook {

    private final String id;
    private final Instant timestamp;
    private final byte[] body;
    private final Set<SignatureScheme> verifiedBy;
    private volatile WebhookEvent event;

    VerifiedWebhook(String id, Instant timestamp, byte[] body, Set<SignatureScheme> verifiedBy) {
        this.id = id;
        this.timestamp = timestamp;
        this.body = body.clone();
        this.verifiedBy = Collections.unmodifiableSet(EnumSet.copyOf(verifiedBy));
    }

    /**
     * The {@code webhook-id} header: the event id, the same for every retry and re-send of an event,
     * so use it to drop duplicates (see {@link SeenIds}). Covered by {@code v1} and {@code v1a}, not by RSA.
     */
    public String id() {
        return id;
    }

    /** The {@code webhook-timestamp} header: when this attempt was sent (not when the event happened). */
    public Instant timestamp() {
        return timestamp;
    }

    /** The exact bytes that were verified (a copy). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The schemes that were checked and verified: every one the verifier was configured with. */
    public Set<SignatureScheme> verifiedBy() {
        return verifiedBy;
    }

    /**
     * The body as a typed event, parsed with Jackson (3 or 2), which must be on the classpath: without it
     * this throws an {@code IllegalStateException} saying so. A body that is not a voltmsg event throws an
     * {@code IllegalArgumentException} naming the field.
     */
    public WebhookEvent event() {
        WebhookEvent parsed = event;
        if (parsed == null) {
            parsed = EventReader.read(body);
            event = parsed;
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "VerifiedWebhook[id=" + id + ", timestamp=" + timestamp + ", " + body.length + " bytes, verified by "
                + verifiedBy + "]";
    }
}
