package io.voltmsg.sdk;

/** The three independent signatures voltmsg puts on every webhook request. */
public enum SignatureScheme {
    /**
     * {@code X-Respond-Flow-Signature} (and {@code X-Respond-Flow-Signature-Next} during an RSA key
     * rotation): RSA PKCS#1 v1.5 SHA-256 over the raw body, the Volt contract. It does not cover
     * {@code webhook-id} or {@code webhook-timestamp}.
     */
    RSA,
    /** {@code webhook-signature} entries {@code v1,…}: HMAC-SHA256 with the webhook's {@code whsec_} secret over {@code id.timestamp.body}. */
    V1,
    /** {@code webhook-signature} entries {@code v1a,…}: Ed25519 with the platform key over {@code id.timestamp.body}. */
    V1A
}
