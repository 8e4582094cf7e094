package io.voltmsg.delivery;

import java.net.URI;

/** What delivery needs to know about a webhook endpoint. */
public record Endpoint(String id, String organizationId, URI url, boolean enabled) {
}
