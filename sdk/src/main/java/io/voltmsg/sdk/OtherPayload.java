package io.voltmsg.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload of an event type this SDK does not know (a newer server's), as plain Java values
 * ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, null), so an
 * unknown type never makes {@link VerifiedWebhook#event()} fail.
 *
 * @param fields the payload's members
 */
public record OtherPayload(Map<String, Object> fields) implements WebhookPayload {

    public OtherPayload {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
