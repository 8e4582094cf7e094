package io.voltmsg.signing;

import java.time.Instant;
import java.util.List;

/**
 * What one webhook request is signed over.
 *
 * @param eventId         the event id (Standard Webhooks {@code webhook-id}), stable across retries and endpoints
 * @param body            the exact body bytes sent
 * @param storedSignature the RSA signature made when the event was created, reused while its key is current; may be null
 * @param endpointSecrets the endpoint's {@code whsec_} secrets, newest first (two during a rotation overlap)
 * @param attemptTime     when this attempt is made ({@code webhook-timestamp})
 */
public record SigningRequest(String eventId, byte[] body, BodySignature storedSignature, List<String> endpointSecrets,
                             Instant attemptTime) {

    public SigningRequest {
        endpointSecrets = List.copyOf(endpointSecrets);
    }
}
