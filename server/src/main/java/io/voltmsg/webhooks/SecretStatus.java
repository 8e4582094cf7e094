package io.voltmsg.webhooks;

import java.time.Instant;

/**
 * A webhook's secrets without their values (what a viewer may see).
 *
 * @param currentCreatedAt        when the current secret was made
 * @param previousSecretExpiresAt until when the previous secret still signs after a rotation; null when none does
 */
public record SecretStatus(Instant currentCreatedAt, Instant previousSecretExpiresAt) {
}
