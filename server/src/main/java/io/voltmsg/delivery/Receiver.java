package io.voltmsg.delivery;

/**
 * An endpoint as the publisher needs it: which one, and whether a new event is sent to it
 * ({@code PENDING}) or recorded as {@code SKIPPED}. Its URL and secrets are read when the
 * delivery is sent, not when the event is written.
 */
public record Receiver(String endpointId, boolean enabled) {
}
