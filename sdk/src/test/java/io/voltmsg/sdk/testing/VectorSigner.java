package io.voltmsg.sdk.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request the way voltmsg does, with the vector keys, so tests can send fresh requests (a
 * timestamp of now, a body of their own). {@code VectorSignerTest} holds it to the committed vectors.
 */
public final class VectorSigner {

    private VectorSigner() {
    }

    /**
     * The headers voltmsg sends: {@code X-Respond-Flow-Signature} by {@code rsaKeyId}, {@code -Next} by
     * {@code nextRsaKeyId} when not null, and {@code webhook-signature} with a {@code v1} per secret then {@code v1a}.
     */
    public static Map<String, String> sign(String eventId, long timestamp, byte[] body, List<String> secrets,
                                           String rsaKeyId, String nextRsaKeyId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Respond-Flow-Signature", sign("SHA256withRSA", Vectors.rsaPrivateKey(rsaKeyId), body));
        if (nextRsaKeyId != null) {
            headers.put("X-Respond-Flow-Signature-Next", sign("SHA256withRSA", Vectors.rsaPrivateKey(nextRsaKeyId), body));
        }
        byte[] content = concat((eventId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        StringBuilder signatures = new StringBuilder();
        for (String secret : secrets) {
            signatures.append("v1,").append(hmac(secret, content)).append(' ');
        }
        signatures.append("v1a,").append(sign("Ed25519", Vectors.ed25519PrivateKey(), content));
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signatures.toString());
        return headers;
    }

    /** The vector keys' signatures for a body at {@code timestamp}, current RSA key 1, one secret. */
    public static Map<String, String> sign(String eventId, long timestamp, byte[] body, String secret) {
        return sign(eventId, timestamp, body, List.of(secret), Vectors.RSA_1, null);
    }

    private static String sign(String algorithm, PrivateKey key, byte[] content) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(content);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
