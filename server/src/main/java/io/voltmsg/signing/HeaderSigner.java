package io.voltmsg.signing;

import io.voltmsg.shared.BoundedCache;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Produces every signature header of one webhook request from the loaded keys:
 * <ul>
 *   <li>{@code X-Respond-Flow-Signature}: base64 RSA PKCS#1 v1.5 SHA-256 over the body, by the current
 *       RSA key; the signature stored with the event is reused while its key is current.</li>
 *   <li>{@code X-Respond-Flow-Signature-Next}: the same by the next RSA key, only during a rotation overlap.</li>
 *   <li>Standard Webhooks {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
 *       {@code webhook-signature}: {@code v1,<HMAC-SHA256>} per endpoint secret (newest first) then
 *       {@code v1a,<Ed25519>} by the platform key, all over {@code id.timestamp.body}, space-separated.</li>
 * </ul>
 * Re-signs are cached (bounded): an RSA signature per (event, key), a {@code v1a} per (event, second),
 * so a fan-out to many endpoints signs once.
 */
public final class HeaderSigner {

    public static final String RSA_SIGNATURE_HEADER = "X-Respond-Flow-Signature";
    public static final String RSA_NEXT_SIGNATURE_HEADER = "X-Respond-Flow-Signature-Next";
    public static final String WEBHOOK_ID = "webhook-id";
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";
    static final String SECRET_PREFIX = "whsec_";

    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private volatile KeyRing ring;
    private final Clock clock;
    private final BoundedCache<String, String> rsaCache;
    private final BoundedCache<String, String> v1aCache;

    HeaderSigner(KeyRing ring, Clock clock, int cacheSize) {
        this.ring = ring;
        this.clock = clock;
        this.rsaCache = new BoundedCache<>(cacheSize);
        this.v1aCache = new BoundedCache<>(cacheSize);
    }

    /**
     * A signer with fresh in-memory keys that are never stored: for benchmarks and experiments,
     * not for deliveries (receivers could not fetch these keys).
     */
    public static HeaderSigner ephemeral(boolean fastProvider, Clock clock) {
        CryptoProvider provider = fastProvider ? CryptoProvider.detect(true) : CryptoProvider.jdk();
        return new HeaderSigner(new KeyRing(List.of(ephemeralKey(PlatformKey.RSA, provider)),
                List.of(ephemeralKey(PlatformKey.ED25519, provider))), clock, 10_000);
    }

    private static PlatformKey ephemeralKey(String algorithm, CryptoProvider provider) {
        var pair = PlatformKey.generate(algorithm, provider);
        return PlatformKey.fromEncoded("key_ephemeral_" + algorithm, algorithm, 1, Instant.EPOCH,
                pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), provider);
    }

    int v1aCacheSize() {
        return v1aCache.size();
    }

    void replaceKeys(KeyRing next) {
        this.ring = next;
    }

    KeyRing keys() {
        return ring;
    }

    /** Signs an event body with the current RSA key: done once per event, when it is created. */
    public BodySignature signBody(byte[] body) {
        PlatformKey rsa = ring.currentRsa(clock.instant());
        return new BodySignature(rsa.id(), base64(rsa.sign(body)));
    }

    /** All signature headers for one request (see the class comment). */
    public Map<String, String> headersFor(SigningRequest request) {
        KeyRing keys = ring;
        Instant now = clock.instant();
        PlatformKey rsa = keys.currentRsa(now);
        Map<String, String> headers = new LinkedHashMap<>();
        BodySignature stored = request.storedSignature();
        headers.put(RSA_SIGNATURE_HEADER, stored != null && stored.keyId().equals(rsa.id())
                ? stored.base64() : rsaSignature(rsa, request));
        Optional<PlatformKey> next = keys.nextRsa(now);
        next.ifPresent(key -> headers.put(RSA_NEXT_SIGNATURE_HEADER, rsaSignature(key, request)));

        long timestamp = request.attemptTime().getEpochSecond();
        byte[] prefix = (request.eventId() + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        StringBuilder signatures = new StringBuilder();
        for (String secret : request.endpointSecrets()) {
            signatures.append("v1,").append(hmac(secret, prefix, request.body())).append(' ');
        }
        PlatformKey ed25519 = keys.currentEd25519(now);
        String v1a = v1aCache.get(request.eventId() + '|' + timestamp + '|' + ed25519.id(),
                k -> base64(ed25519.sign(prefix, request.body())));
        signatures.append("v1a,").append(v1a);
        headers.put(WEBHOOK_ID, request.eventId());
        headers.put(WEBHOOK_TIMESTAMP, Long.toString(timestamp));
        headers.put(WEBHOOK_SIGNATURE, signatures.toString());
        return headers;
    }

    private String rsaSignature(PlatformKey key, SigningRequest request) {
        return rsaCache.get(request.eventId() + '|' + key.id(), k -> base64(key.sign(request.body())));
    }

    /** Standard Webhooks: the HMAC key is the base64-decoded part after {@code whsec_}. */
    static byte[] secretKey(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static String hmac(String secret, byte[] prefix, byte[] body) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(secretKey(secret), "HmacSHA256"));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never echo the secret.
            throw new IllegalStateException("an endpoint signing secret is malformed");
        }
        mac.update(prefix);
        mac.update(body);
        return base64(mac.doFinal());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
