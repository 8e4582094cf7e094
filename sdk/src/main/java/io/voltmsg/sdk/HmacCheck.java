package io.voltmsg.sdk;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code v1}: HMAC-SHA256 over {@code id.timestamp.body} with any of the webhook's {@code whsec_} secrets. */
final class HmacCheck implements SchemeCheck {

    static final String SECRET_PREFIX = "whsec_";

    private final List<SecretKeySpec> keys;

    HmacCheck(List<String> secrets) {
        List<SecretKeySpec> out = new ArrayList<>();
        for (String secret : secrets) {
            out.add(new SecretKeySpec(decode(secret), "HmacSHA256"));
        }
        this.keys = List.copyOf(out);
    }

    /** The HMAC key: the base64 after {@code whsec_} (the prefix may be left out, as Standard Webhooks libraries allow). */
    static byte[] decode(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a whsec_ secret is empty");
        }
        String value = secret.strip();
        String encoded = value.startsWith(SECRET_PREFIX) ? value.substring(SECRET_PREFIX.length()) : value;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // Never echo the secret.
            throw new IllegalArgumentException("a whsec_ secret is not whsec_ followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a whsec_ secret is empty");
        }
        return key;
    }

    @Override
    public SignatureScheme scheme() {
        return SignatureScheme.V1;
    }

    @Override
    public void verify(SignedRequest request) throws WebhookVerificationException {
        List<byte[]> signatures = DecodedSignatures.decode(request.standardSignatures("v1"), WebhookVerifier.WEBHOOK_SIGNATURE);
        byte[] content = request.standardContent();
        for (SecretKeySpec key : keys) {
            byte[] expected = hmac(key, content);
            for (byte[] signature : signatures) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return;
                }
            }
        }
        throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                WebhookVerifier.WEBHOOK_SIGNATURE, "no v1 signature in " + WebhookVerifier.WEBHOOK_SIGNATURE
                + " matches " + (keys.size() == 1 ? "the configured secret" : "any of the " + keys.size() + " configured secrets"));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
