package io.voltmsg.sdk;

import static io.voltmsg.sdk.RejectionTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.sdk.WebhookVerificationException.Reason;
import io.voltmsg.sdk.testing.KeyServer;
import io.voltmsg.sdk.testing.VectorSigner;
import io.voltmsg.sdk.testing.Vectors;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fetchingKeysFrom against a key server on loopback that serves the vector keys as voltmsg does:
 * fetched once and cached, fetched again after a mismatch at most once a minute (so a rotation is
 * followed), and clear failures when the server cannot give them.
 */
class KeyFetchingTest {

    static final Vectors.Case ONE = Vectors.named("one secret");
    static final Vectors.Case RSA_OVERLAP = Vectors.named("RSA rotation overlap: current key and -Next");
    static final Vectors.Case RSA_AFTER = Vectors.named("after the RSA overlap: the next key is current");

    static final String RSA_PATH = "/id_rsa.pub";
    static final String NEXT_PATH = "/id_rsa.next.pub";
    static final String KEYS_PATH = "/.well-known/webhook-keys";

    static WebhookVerifier fetching(URI base, TestClock clock) {
        return WebhookVerifier.builder().fetchingKeysFrom(base).clock(clock).build();
    }

    @Test
    void fetchesTheThreeDocumentsOnceAndVerifiesRsaAndV1a() throws Exception {
        try (KeyServer server = new KeyServer()) {
            TestClock clock = new TestClock(ONE.now());
            WebhookVerifier verifier = fetching(server.baseUri(), clock);
            assertThat(verifier.schemes()).isEqualTo(EnumSet.of(SignatureScheme.RSA, SignatureScheme.V1A));
            assertThat(server.totalRequests()).as("nothing is fetched before the first request").isZero();

            assertThat(verifier.verify(ONE.expectedHeaders(), ONE.body()).verifiedBy())
                    .containsExactlyInAnyOrder(SignatureScheme.RSA, SignatureScheme.V1A);
            assertThat(server.requests(RSA_PATH)).isEqualTo(1);
            assertThat(server.requests(NEXT_PATH)).as("404 outside a rotation, which is normal").isEqualTo(1);
            assertThat(server.requests(KEYS_PATH)).isEqualTo(1);

            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                verifier.verify(ONE.expectedHeaders(), ONE.body());
            }
            assertThat(server.totalRequests()).as("cached").isEqualTo(3);
        }
    }

    @Test
    void aRotationIsFollowedAndRefetchesAreAtMostOncePerMinute() throws Exception {
        try (KeyServer server = new KeyServer()) {
            TestClock clock = new TestClock(ONE.now());
            WebhookVerifier verifier = fetching(server.baseUri(), clock);
            verifier.verify(ONE.expectedHeaders(), ONE.body());
            assertThat(server.requests(RSA_PATH)).isEqualTo(1);

            // The server finished a rotation this receiver never saw the overlap of: key 2 is current.
            server.serveRsa(Vectors.RSA_2, null);
            clock.set(RSA_AFTER.now());
            assertThat(verifier.verify(RSA_AFTER.expectedHeaders(), RSA_AFTER.body()).id()).isEqualTo(RSA_AFTER.eventId());
            assertThat(server.requests(RSA_PATH)).as("one refetch after the mismatch").isEqualTo(2);

            // A forged request right after: mismatch, and no new fetch within the minute.
            byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
            Map<String, String> forgedHeaders = RSA_AFTER.headers();
            clock.advance(Duration.ofSeconds(59));
            WebhookVerificationException e = rejected(verifier, forgedHeaders, forged);
            assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
            assertThat(e.getMessage()).contains("keys from " + server.baseUri() + " fetched at ");
            assertThat(server.requests(RSA_PATH)).isEqualTo(2);
            for (int i = 0; i < 20; i++) {
                rejected(verifier, forgedHeaders, forged);
            }
            assertThat(server.requests(RSA_PATH)).isEqualTo(2);
            // A minute after the last fetch, one more.
            clock.advance(Duration.ofSeconds(1));
            rejected(verifier, forgedHeaders, forged);
            rejected(verifier, forgedHeaders, forged);
            assertThat(server.requests(RSA_PATH)).isEqualTo(3);
        }
    }

    @Test
    void duringAnRsaOverlapTheNextKeyIsFetchedSoTheSwitchNeedsNoRefetch() throws Exception {
        try (KeyServer server = new KeyServer()) {
            server.serveRsa(Vectors.RSA_1, Vectors.RSA_2);
            TestClock clock = new TestClock(RSA_OVERLAP.now());
            WebhookVerifier verifier = fetching(server.baseUri(), clock);
            verifier.verify(RSA_OVERLAP.expectedHeaders(), RSA_OVERLAP.body());
            // The overlap ends: the server signs with key 2 only; the receiver already has it.
            server.serveRsa(Vectors.RSA_2, null);
            clock.set(RSA_AFTER.now());
            verifier.verify(RSA_AFTER.expectedHeaders(), RSA_AFTER.body());
            assertThat(server.requests(RSA_PATH)).isEqualTo(1);
            assertThat(server.requests(NEXT_PATH)).isEqualTo(1);
        }
    }

    @Test
    void keysFetchedAndGivenAreUsedTogetherWithEveryOtherScheme() throws Exception {
        try (KeyServer server = new KeyServer()) {
            TestClock clock = new TestClock(ONE.now());
            WebhookVerifier verifier = WebhookVerifier.builder().fetchingKeysFrom(server.baseUri())
                    .standard(ONE.secrets().get(0)).clock(clock).build();
            assertThat(verifier.verify(ONE.expectedHeaders(), ONE.body()).verifiedBy())
                    .isEqualTo(EnumSet.allOf(SignatureScheme.class));

            // A fresh request signed now, as the examples' tests send them.
            clock.set(ONE.now().plus(Duration.ofDays(3)));
            long now = clock.instant().getEpochSecond();
            Map<String, String> fresh = VectorSigner.sign("evt_fresh", now, ONE.body(), ONE.secrets().get(0));
            assertThat(verifier.verify(fresh, ONE.body()).id()).isEqualTo("evt_fresh");
        }
    }

    @Test
    void aBaseUriWithAPathIsKept() throws Exception {
        try (KeyServer server = new KeyServer("/voltmsg")) {
            TestClock clock = new TestClock(ONE.now());
            URI withSlash = URI.create(server.baseUri() + "/");
            fetching(withSlash, clock).verify(ONE.expectedHeaders(), ONE.body());
            assertThat(server.requests(RSA_PATH)).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableServerIsKeysUnavailableAndRetriedAfterFiveSeconds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TestClock clock = new TestClock(ONE.now());
        URI base = URI.create("http://127.0.0.1:" + closedPort);
        WebhookVerifier verifier = fetching(base, clock);
        WebhookVerificationException e = rejected(verifier, ONE.expectedHeaders(), ONE.body());
        assertThat(e.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("cannot fetch the webhook keys from " + base + ": GET " + base + "/id_rsa.pub failed");
        assertThat(e.getCause()).isNotNull();

        // Given keys still verify while the server is away.
        WebhookVerifier withFallback = WebhookVerifier.builder().fetchingKeysFrom(base).clock(clock)
                .rsa(Vectors.rsaPem(Vectors.RSA_1)).standardAsymmetric(Vectors.ed25519Whpk()).build();
        assertThat(withFallback.verify(ONE.expectedHeaders(), ONE.body()).id()).isEqualTo(ONE.eventId());
    }

    @Test
    void withoutKeysAFailedFetchIsRetriedAfterFiveSecondsNotAtEveryRequest() throws Exception {
        try (KeyServer server = new KeyServer()) {
            server.answer(RSA_PATH, 503, "down for maintenance");
            TestClock clock = new TestClock(ONE.now());
            WebhookVerifier verifier = fetching(server.baseUri(), clock);
            for (int i = 0; i < 5; i++) {
                WebhookVerificationException e = rejected(verifier, ONE.expectedHeaders(), ONE.body());
                assertThat(e.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
                assertThat(e.getMessage()).endsWith("GET " + server.baseUri() + "/id_rsa.pub answered HTTP 503");
            }
            assertThat(server.requests(RSA_PATH)).isEqualTo(1);
            server.serveRsa(Vectors.RSA_1, null);
            clock.advance(Duration.ofSeconds(5));
            assertThat(verifier.verify(ONE.expectedHeaders(), ONE.body()).id()).isEqualTo(ONE.eventId());
            assertThat(server.requests(RSA_PATH)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"redirect", "no keys", "not json", "rsa key as ed25519", "too big", "bad whpk", "bad pem", "next 500"})
    void whatTheServerAnswersWronglyIsSaid(String kind) {
        try (KeyServer server = new KeyServer()) {
            String expected = switch (kind) {
                case "redirect" -> {
                    server.answer(RSA_PATH, 302, "");
                    yield "/id_rsa.pub answered HTTP 302";
                }
                case "no keys" -> {
                    server.answer(KEYS_PATH, 200, "{\"keys\":[{\"alg\":\"RS256\",\"pem\":\"x\"}]}");
                    yield "/.well-known/webhook-keys lists no Ed25519 key";
                }
                case "not json" -> {
                    server.answer(KEYS_PATH, 200, "<html>");
                    yield "/.well-known/webhook-keys is not JSON at offset 0: unexpected character '<'";
                }
                case "rsa key as ed25519" -> {
                    server.answer(KEYS_PATH, 200, "{\"keys\":[{\"alg\":\"Ed25519\",\"pem\":"
                            + Vectors.rsaPem(Vectors.RSA_1).replace("\n", "\\n").transform(s -> "\"" + s + "\"") + "}]}");
                    yield "/.well-known/webhook-keys: the key is not an Ed25519 public key";
                }
                case "too big" -> {
                    server.answer(KEYS_PATH, 200, "{\"keys\":[],\"pad\":\"" + "x".repeat(70_000) + "\"}");
                    yield "/.well-known/webhook-keys answered more than 65536 bytes";
                }
                case "bad whpk" -> {
                    server.answer(KEYS_PATH, 200, "{\"keys\":[{\"alg\":\"Ed25519\",\"whpk\":\"whpk_AAAA\"}]}");
                    yield "/.well-known/webhook-keys: a whpk_ key holds 32 bytes, this one 3";
                }
                case "bad pem" -> {
                    server.answer(RSA_PATH, 200, "ssh-rsa AAAAB3NzaC1yc2E user@host");
                    yield "/id_rsa.pub: the RSA public key is not a PEM '-----BEGIN PUBLIC KEY-----' block";
                }
                case "next 500" -> {
                    server.answer(NEXT_PATH, 500, "");
                    yield "/id_rsa.next.pub answered HTTP 500";
                }
                default -> throw new IllegalArgumentException(kind);
            };
            WebhookVerificationException e = rejected(fetching(server.baseUri(), new TestClock(ONE.now())),
                    ONE.expectedHeaders(), ONE.body());
            assertThat(e.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
            assertThat(e.getMessage()).endsWith(expected);
        }
    }

    @Test
    void aWrongKeyFromTheServerIsAMismatchNotAnOutage() {
        try (KeyServer server = new KeyServer()) {
            server.serveRsa(Vectors.RSA_2, null);
            WebhookVerificationException e = rejected(fetching(server.baseUri(), new TestClock(ONE.now())),
                    ONE.expectedHeaders(), ONE.body());
            assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
            assertThat(e.header()).isEqualTo("X-Respond-Flow-Signature");
            assertThat(server.requests(RSA_PATH)).as("just fetched: no second fetch").isEqualTo(1);
        }
    }

    @Test
    void theEd25519KeyMayBeGivenAsPemOnly() throws Exception {
        try (KeyServer server = new KeyServer()) {
            server.answer(KEYS_PATH, 200, "{\"keys\":[{\"kid\":\"k\",\"alg\":\"Ed25519\",\"pem\":\""
                    + Vectors.ed25519Pem().replace("\n", "\\n") + "\",\"current\":true}]}");
            assertThat(fetching(server.baseUri(), new TestClock(ONE.now())).verify(ONE.expectedHeaders(), ONE.body())
                    .verifiedBy()).contains(SignatureScheme.V1A);
        }
    }

    @Test
    void keysDocumentsListingSeveralKeysAcceptEither() throws Exception {
        List<java.security.PublicKey> keys = KeyFetcher.ed25519Keys("{\"keys\":[{\"alg\":\"Ed25519\",\"whpk\":\""
                + Vectors.ed25519Whpk() + "\",\"current\":false},{\"alg\":\"Ed25519\",\"pem\":\""
                + Vectors.ed25519Pem().replace("\n", "\\n") + "\"},{\"alg\":\"X25519\",\"whpk\":\"nope\"}]}");
        assertThat(keys).hasSize(2);
    }
}
