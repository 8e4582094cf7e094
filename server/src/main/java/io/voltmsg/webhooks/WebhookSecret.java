package io.voltmsg.webhooks;

import java.time.Instant;

/**
 * The result of rotating an endpoint's secret.
 *
 * @param secret                  the new current {@code whsec_} secret (signs first from now on)
 * @param previousSecretExpiresAt when the secret it replaced stops signing (end of the overlap)
 */
public record WebhookSecret(String secret, Instant previousSecretExpiresAt) {
}
