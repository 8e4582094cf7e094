package io.voltmsg.sdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed webhook signature vectors (webhook-signature-vectors.json, made with openssl and
 * Python, read by the server's tests too), for the SDK's tests and, through the SDK's test jar,
 * the examples'.
 */
public final class Vectors {

    /** One case: a request as voltmsg signs it at {@code now}. */
    public record Case(String name, Instant now, List<String> rsaKeyIds, String eventId, long timestamp, byte[] body,
                       List<String> secrets, Map<String, String> expectedHeaders) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A copy of the expected headers, to tamper with. */
        public Map<String, String> headers() {
            return new LinkedHashMap<>(expectedHeaders);
        }
    }

    public static final String RSA_1 = "key_vec_rsa_1";
    public static final String RSA_2 = "key_vec_rsa_2";

    private static final JsonNode ROOT = load();

    private Vectors() {
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/webhook-signature-vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("webhook-signature-vectors.json is not on the test classpath");
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (JsonNode c : ROOT.path("cases")) {
            List<String> rsa = new ArrayList<>();
            c.path("rsaKeyIds").forEach(n -> rsa.add(n.asString()));
            List<String> secrets = new ArrayList<>();
            c.path("secrets").forEach(n -> secrets.add(n.asString()));
            Map<String, String> headers = new LinkedHashMap<>();
            c.path("expectedHeaders").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
            out.add(new Case(c.path("name").asString(), Instant.parse(c.path("now").asString()), List.copyOf(rsa),
                    c.path("eventId").asString(), c.path("timestamp").asLong(),
                    c.path("body").asString().getBytes(StandardCharsets.UTF_8), List.copyOf(secrets),
                    java.util.Collections.unmodifiableMap(headers)));
        }
        return out;
    }

    public static Case named(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vector case " + name));
    }

    /** The RSA public key, PEM encoded exactly as the server's /id_rsa.pub serves it. */
    public static String rsaPem(String keyId) {
        return pem(rsaKey(keyId).path("publicKeySpki").asString());
    }

    public static PrivateKey rsaPrivateKey(String keyId) {
        return privateKey("RSA", rsaKey(keyId).path("privateKeyPkcs8").asString());
    }

    public static String ed25519Whpk() {
        return ROOT.path("ed25519Key").path("whpk").asString();
    }

    public static String ed25519Pem() {
        return pem(ROOT.path("ed25519Key").path("publicKeySpki").asString());
    }

    public static PrivateKey ed25519PrivateKey() {
        return privateKey("Ed25519", ROOT.path("ed25519Key").path("privateKeyPkcs8").asString());
    }

    /** A /.well-known/webhook-keys document listing the vector Ed25519 key, in the server's shape. */
    public static String webhookKeysDocument() {
        return "{\"keys\":[{\"kid\":\"key_vec_ed25519_1\",\"alg\":\"Ed25519\",\"pem\":"
                + JsonMapper.builder().build().writeValueAsString(ed25519Pem()) + ",\"whpk\":\"" + ed25519Whpk()
                + "\",\"current\":true}]}";
    }

    private static JsonNode rsaKey(String keyId) {
        for (JsonNode k : ROOT.path("rsaKeys")) {
            if (k.path("id").asString().equals(keyId)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no vector RSA key " + keyId);
    }

    private static String pem(String base64Der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(Base64.getDecoder().decode(base64Der));
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static PrivateKey privateKey(String algorithm, String base64Pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
