package io.voltmsg.signing;

/** An RSA signature over an event body, with the id of the key that made it (so it can be reused while that key is current). */
public record BodySignature(String keyId, String base64) {
}
