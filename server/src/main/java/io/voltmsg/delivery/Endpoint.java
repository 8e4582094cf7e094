package io.voltmsg.delivery;

import java.net.URI;

import java.util.List;

/**
 * What delivery needs to know about a webhook endpoint.
 *
 * @param signingSecrets the endpoint's {@code whsec_} secrets, newest first (two during a rotation overlap)
 */
public record Endpoint(String id, String organizationId, URI url, boolean enabled, List<String> signingSecrets) {

    public Endpoint {
        signingSecrets = List.copyOf(signingSecrets);
    }
}
