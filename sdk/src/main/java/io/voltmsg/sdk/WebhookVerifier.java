package io.voltmsg.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies voltmsg webhook requests. Build one per receiver (it is immutable and thread-safe):
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *         .fetchingKeysFrom(URI.create("https://voltmsg.example.com"))  // RSA + v1a, keys fetched and cached
 *         .standard("whsec_...")                                       // v1
 *         .build();
 * VerifiedWebhook webhook = verifier.verify(headers, rawBody);
 * }</pre>
 *
 * Every scheme configured must verify; within one scheme any one of the signatures present is
 * enough, so key and secret rotations pass. {@code webhook-id} and {@code webhook-timestamp} are
 * always required, and the timestamp must be within the tolerance (5 minutes by default) of this
 * machine's clock. Pass the body exactly as received: any re-encoding breaks every signature.
 */
public final class WebhookVerifier {

    public static final String RSA_SIGNATURE = "X-Respond-Flow-Signature";
    public static final String RSA_SIGNATURE_NEXT = "X-Respond-Flow-Signature-Next";
    public static final String WEBHOOK_ID = "webhook-id";
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Longer ids are refused: they are kept in {@link SeenIds}, and voltmsg's are about 30 characters. */
    static final int MAX_ID_LENGTH = 256;

    private final List<SchemeCheck> checks;
    private final Set<SignatureScheme> schemes;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(List<SchemeCheck> checks, Duration tolerance, Clock clock) {
        this.checks = List.copyOf(checks);
        EnumSet<SignatureScheme> configured = EnumSet.noneOf(SignatureScheme.class);
        checks.forEach(c -> configured.add(c.scheme()));
        this.schemes = Collections.unmodifiableSet(configured);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a request whose headers are a map: values may be a {@code String}, a {@code Collection}
     * of them or a {@code String[]} (a servlet-style multi-map, the JDK {@code HttpServer}'s
     * {@code Headers}, a {@code Map<String, String>}). Names are matched without regard to case.
     */
    public VerifiedWebhook verify(Map<String, ?> headers, byte[] rawBody) throws WebhookVerificationException {
        return verify(RequestHeaders.of(headers), rawBody);
    }

    /**
     * Verifies a request whose headers are read by a lookup that returns a header's value or null, such
     * as {@code request::getHeader} (servlet), {@code httpHeaders::getFirst} (Spring) or
     * {@code request.headers()::get} (Netty); the lookup must ignore case, as those do.
     */
    public VerifiedWebhook verify(Function<String, String> header, byte[] rawBody) throws WebhookVerificationException {
        return verify(RequestHeaders.of(header), rawBody);
    }

    /** The schemes every request must pass. */
    public Set<SignatureScheme> schemes() {
        return schemes;
    }

    private VerifiedWebhook verify(RequestHeaders headers, byte[] rawBody) throws WebhookVerificationException {
        Objects.requireNonNull(rawBody, "rawBody");
        String id = headers.single(WEBHOOK_ID);
        if (id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_HEADER, WEBHOOK_ID,
                    WEBHOOK_ID + " must be at most " + MAX_ID_LENGTH + " printable ASCII characters");
        }
        String timestampText = headers.single(WEBHOOK_TIMESTAMP);
        Instant timestamp = checkTimestamp(timestampText);
        SignedRequest request = new SignedRequest(headers, rawBody, id, timestampText, timestamp);
        for (SchemeCheck check : checks) {
            check.verify(request);
        }
        return new VerifiedWebhook(id, timestamp, rawBody, schemes);
    }

    private Instant checkTimestamp(String text) throws WebhookVerificationException {
        if (!text.matches("[0-9]{1,12}")) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_HEADER,
                    WEBHOOK_TIMESTAMP, WEBHOOK_TIMESTAMP + " must be whole unix seconds");
        }
        Instant timestamp = Instant.ofEpochSecond(Long.parseLong(text));
        Instant now = clock.instant();
        Duration age = Duration.between(timestamp, now);
        if (age.abs().compareTo(tolerance) > 0) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.TIMESTAMP_OUTSIDE_TOLERANCE,
                    WEBHOOK_TIMESTAMP, WEBHOOK_TIMESTAMP + " is " + age.abs().getSeconds() + " s in the "
                    + (age.isNegative() ? "future" : "past") + "; the tolerance is " + tolerance.getSeconds()
                    + " s (a replayed request, or a wrong clock on this machine or the sender's)");
        }
        return timestamp;
    }

    /** Configures the schemes to check and their keys; at least one scheme. */
    public static final class Builder {

        private final List<PublicKey> rsaKeys = new ArrayList<>();
        private final List<PublicKey> ed25519Keys = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private URI keysFrom;
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder() {
        }

        /**
         * Checks {@code X-Respond-Flow-Signature} with this RSA public key, PEM encoded as {@code GET /id_rsa.pub}
         * serves it. Call again to add a key (the next one during a rotation): any key verifying is enough.
         */
        public Builder rsa(String publicKeyPem) {
            rsaKeys.add(PublicKeys.rsaFromPem(publicKeyPem));
            return this;
        }

        /**
         * Checks the {@code v1} (HMAC-SHA256) signatures with the webhook's {@code whsec_} secrets: give the
         * new and the old one during a secret rotation; any one matching is enough.
         */
        public Builder standard(String... whsecSecrets) {
            if (whsecSecrets == null || whsecSecrets.length == 0) {
                throw new IllegalArgumentException("standard() needs at least one whsec_ secret");
            }
            for (String secret : whsecSecrets) {
                HmacCheck.decode(secret); // fails here, not on the first request
                secrets.add(secret);
            }
            return this;
        }

        /**
         * Checks the {@code v1a} (Ed25519) signatures with these platform keys, each {@code whpk_…} or PEM, as
         * {@code GET /.well-known/webhook-keys} lists them.
         */
        public Builder standardAsymmetric(String... whpkOrPemKeys) {
            if (whpkOrPemKeys == null || whpkOrPemKeys.length == 0) {
                throw new IllegalArgumentException("standardAsymmetric() needs at least one whpk_ or PEM key");
            }
            for (String key : whpkOrPemKeys) {
                ed25519Keys.add(PublicKeys.ed25519(key));
            }
            return this;
        }

        /**
         * Checks RSA and {@code v1a} with the keys the voltmsg server at {@code voltmsgBaseUri} publishes
         * ({@code /id_rsa.pub}, {@code /id_rsa.next.pub}, {@code /.well-known/webhook-keys}). They are fetched
         * on first use and cached; when a signature does not verify they are fetched again, at most once a
         * minute, so a key rotation is followed. Use {@code https} outside a development machine.
         */
        public Builder fetchingKeysFrom(URI voltmsgBaseUri) {
            KeyFetcher.checkedBase(voltmsgBaseUri);
            this.keysFrom = voltmsgBaseUri;
            return this;
        }

        /** How far {@code webhook-timestamp} may be from this machine's clock; 5 minutes by default. */
        public Builder tolerance(Duration tolerance) {
            if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
                throw new IllegalArgumentException("the tolerance must be positive");
            }
            this.tolerance = tolerance;
            return this;
        }

        /** The clock timestamps are checked against (and key refetches are timed by); the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The client keys are fetched with (a proxy, a trust store); by default one with a 5 s connect timeout. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public WebhookVerifier build() {
            RemoteKeys remote = null;
            if (keysFrom != null) {
                HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
                remote = new RemoteKeys(new KeyFetcher(keysFrom, http, clock), clock);
            }
            // Cheapest first: a forged request fails on the HMAC before any public-key work.
            List<SchemeCheck> checks = new ArrayList<>();
            if (!secrets.isEmpty()) {
                checks.add(new HmacCheck(secrets));
            }
            if (!ed25519Keys.isEmpty() || remote != null) {
                checks.add(new AsymmetricCheck(SignatureScheme.V1A, new KeySource(ed25519Keys, remote, FetchedKeys::ed25519)));
            }
            if (!rsaKeys.isEmpty() || remote != null) {
                checks.add(new AsymmetricCheck(SignatureScheme.RSA, new KeySource(rsaKeys, remote, FetchedKeys::rsa)));
            }
            if (checks.isEmpty()) {
                throw new IllegalStateException("configure at least one of rsa(), standard(), standardAsymmetric() "
                        + "or fetchingKeysFrom()");
            }
            return new WebhookVerifier(checks, tolerance, clock);
        }
    }
}
