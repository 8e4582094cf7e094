package io.voltmsg.signing;

/**
 * One Ed25519 public key as {@code /.well-known/webhook-keys} lists it.
 *
 * @param kid     the key id
 * @param alg     always {@code Ed25519}
 * @param pem     the X.509 SubjectPublicKeyInfo, PEM encoded
 * @param whpk    {@code whpk_} and base64 of the raw 32-byte public key (the Standard Webhooks form)
 * @param current whether {@code v1a} signatures are made with it now
 */
public record WebhookKey(String kid, String alg, String pem, String whpk, boolean current) {
}
