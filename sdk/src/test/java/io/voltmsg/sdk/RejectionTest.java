package io.voltmsg.sdk;

import static io.voltmsg.sdk.VectorVerificationTest.allSchemes;
import static io.voltmsg.sdk.VectorVerificationTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.voltmsg.sdk.WebhookVerificationException.Reason;
import io.voltmsg.sdk.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What must not verify, and the reason each failure gives. */
class RejectionTest {

    static final Vectors.Case ONE = Vectors.named("one secret");
    static final Vectors.Case TWO_SECRETS = Vectors.named("secret rotation overlap: new secret first");
    static final Vectors.Case NON_ASCII = Vectors.named("non-ASCII body, 64- and 24-byte secrets");
    static final Vectors.Case CRLF = Vectors.named("CRLF line ends and a trailing newline in the body");
    static final Vectors.Case RSA_OVERLAP = Vectors.named("RSA rotation overlap: current key and -Next");
    static final Vectors.Case RSA_AFTER = Vectors.named("after the RSA overlap: the next key is current");

    static WebhookVerificationException rejected(WebhookVerifier verifier, Map<String, ?> headers, byte[] body) {
        WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
                () -> verifier.verify(headers, body));
        assertThat(e).as("expected a rejection").isNotNull();
        return e;
    }

    static Stream<Arguments> tamperedBodies() {
        List<Arguments> out = new ArrayList<>();
        for (SignatureScheme scheme : SignatureScheme.values()) {
            byte[] flipped = ONE.body().clone();
            flipped[flipped.length / 2] ^= 0x01;
            out.add(Arguments.of(scheme + ": one bit flipped", scheme, ONE, flipped));
            out.add(Arguments.of(scheme + ": a trailing newline added", scheme, ONE, concat(ONE.body(), "\n")));
            out.add(Arguments.of(scheme + ": truncated", scheme, ONE, Arrays.copyOf(ONE.body(), ONE.body().length - 1)));
            out.add(Arguments.of(scheme + ": re-serialised with spaces", scheme, ONE,
                    ONE.bodyText().replace(",\"", ", \"").getBytes(StandardCharsets.UTF_8)));
            out.add(Arguments.of(scheme + ": CRLF normalised to LF", scheme, CRLF,
                    CRLF.bodyText().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
            out.add(Arguments.of(scheme + ": trailing CRLF stripped", scheme, CRLF,
                    CRLF.bodyText().strip().getBytes(StandardCharsets.UTF_8)));
            out.add(Arguments.of(scheme + ": non-ASCII decomposed (NFD)", scheme, NON_ASCII,
                    Normalizer.normalize(NON_ASCII.bodyText(), Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8)));
            out.add(Arguments.of(scheme + ": non-ASCII re-encoded as ISO-8859-1", scheme, NON_ASCII,
                    NON_ASCII.bodyText().getBytes(StandardCharsets.ISO_8859_1)));
            out.add(Arguments.of(scheme + ": another event's body", scheme, ONE, RSA_OVERLAP.body()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedBodies")
    void aTamperedBodyFailsEveryScheme(String name, SignatureScheme scheme, Vectors.Case c, byte[] body) {
        assertThat(body).isNotEqualTo(c.body());
        WebhookVerificationException e = rejected(only(c, scheme), c.expectedHeaders(), body);
        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(e.header()).isEqualTo(scheme == SignatureScheme.RSA ? "X-Respond-Flow-Signature" : "webhook-signature");
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = {"V1", "V1A"})
    void swappedTimestampsFailTheStandardSchemes(SignatureScheme scheme) {
        // The same event, signed five seconds apart: one request's signatures with the other's timestamp.
        Map<String, String> swapped = ONE.headers();
        swapped.put("webhook-timestamp", TWO_SECRETS.expectedHeaders().get("webhook-timestamp"));
        WebhookVerifier verifier = WebhookVerifier.builder().clock(Clock.fixed(ONE.now(), ZoneOffset.UTC))
                .standard(ONE.secrets().get(0)).standardAsymmetric(Vectors.ed25519Whpk()).build();
        assertThat(rejected(only(ONE, scheme), swapped, ONE.body()).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(rejected(verifier, swapped, ONE.body()).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);

        Map<String, String> otherId = ONE.headers();
        otherId.put("webhook-id", "evt_01JDVECTORS0000000000000009");
        assertThat(rejected(only(ONE, scheme), otherId, ONE.body()).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rsaAloneDoesNotCoverTheIdOrTimestamp() throws Exception {
        // Why a receiver should check v1 or v1a too: RSA signs the body only (the Volt contract).
        Map<String, String> swapped = ONE.headers();
        swapped.put("webhook-timestamp", TWO_SECRETS.expectedHeaders().get("webhook-timestamp"));
        swapped.put("webhook-id", "evt_01JDVECTORS0000000000000009");
        assertThat(only(ONE, SignatureScheme.RSA).verify(swapped, ONE.body()).id()).isEqualTo("evt_01JDVECTORS0000000000000009");
    }

    @Test
    void oneMatchingSecretOfSeveralSignaturesIsEnough() throws Exception {
        String newSecret = TWO_SECRETS.secrets().get(0);
        String oldSecret = TWO_SECRETS.secrets().get(1);
        for (String secret : List.of(newSecret, oldSecret)) {
            WebhookVerifier verifier = WebhookVerifier.builder().clock(Clock.fixed(TWO_SECRETS.now(), ZoneOffset.UTC))
                    .standard(secret).build();
            assertThat(verifier.verify(TWO_SECRETS.expectedHeaders(), TWO_SECRETS.body()).verifiedBy())
                    .containsExactly(SignatureScheme.V1);
        }
        WebhookVerifier unrelated = WebhookVerifier.builder().clock(Clock.fixed(TWO_SECRETS.now(), ZoneOffset.UTC))
                .standard("whsec_" + "A".repeat(43) + "=", "whsec_" + "B".repeat(43) + "=").build();
        WebhookVerificationException e = rejected(unrelated, TWO_SECRETS.expectedHeaders(), TWO_SECRETS.body());
        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("no v1 signature in webhook-signature matches any of the 2 configured secrets");
    }

    @Test
    void everyConfiguredSchemeMustPassNotJustOne() {
        // v1a and RSA are genuine; the receiver also asked for v1 with a secret the request was not signed with.
        WebhookVerifier verifier = allSchemes(ONE).standard("whsec_" + "C".repeat(43) + "=").build();
        Map<String, String> headers = ONE.headers();
        headers.put("webhook-signature", headers.get("webhook-signature").replaceAll("v1,\\S+ ", ""));
        WebhookVerificationException e = rejected(verifier, headers, ONE.body());
        assertThat(e.reason()).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(e.getMessage()).isEqualTo("webhook-signature has no v1, entry");

        Map<String, String> noRsa = ONE.headers();
        noRsa.remove("X-Respond-Flow-Signature");
        WebhookVerificationException missing = rejected(allSchemes(ONE).build(), noRsa, ONE.body());
        assertThat(missing.reason()).isEqualTo(Reason.MISSING_HEADER);
        assertThat(missing.header()).isEqualTo("X-Respond-Flow-Signature");
    }

    @Test
    void rsaRotationVerifiesWithEitherKeyAndOnlyWithTheKeysThatSigned() throws Exception {
        // During the overlap: the current key's signature and the -Next one; a receiver knowing either key passes.
        for (String key : List.of(Vectors.RSA_1, Vectors.RSA_2)) {
            WebhookVerifier verifier = WebhookVerifier.builder().clock(Clock.fixed(RSA_OVERLAP.now(), ZoneOffset.UTC))
                    .rsa(Vectors.rsaPem(key)).build();
            assertThat(verifier.verify(RSA_OVERLAP.expectedHeaders(), RSA_OVERLAP.body()).verifiedBy())
                    .containsExactly(SignatureScheme.RSA);
        }
        // After it: only the new key signs; a receiver that kept only the old one fails.
        WebhookVerifier old = WebhookVerifier.builder().clock(Clock.fixed(RSA_AFTER.now(), ZoneOffset.UTC))
                .rsa(Vectors.rsaPem(Vectors.RSA_1)).build();
        WebhookVerificationException e = rejected(old, RSA_AFTER.expectedHeaders(), RSA_AFTER.body());
        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("X-Respond-Flow-Signature does not verify with the RSA key");
        WebhookVerifier both = WebhookVerifier.builder().clock(Clock.fixed(RSA_AFTER.now(), ZoneOffset.UTC))
                .rsa(Vectors.rsaPem(Vectors.RSA_1)).rsa(Vectors.rsaPem(Vectors.RSA_2)).build();
        assertThat(both.verify(RSA_AFTER.expectedHeaders(), RSA_AFTER.body()).id()).isEqualTo(RSA_AFTER.eventId());

        // A -Next signature alone does not stand in for a missing main header.
        Map<String, String> onlyNext = RSA_OVERLAP.headers();
        onlyNext.remove("X-Respond-Flow-Signature");
        WebhookVerifier atOverlap = WebhookVerifier.builder().clock(Clock.fixed(RSA_OVERLAP.now(), ZoneOffset.UTC))
                .rsa(Vectors.rsaPem(Vectors.RSA_2)).build();
        assertThat(rejected(atOverlap, onlyNext, RSA_OVERLAP.body()).reason()).isEqualTo(Reason.MISSING_HEADER);
    }

    @Test
    void aSignatureByAnotherKeyOfTheRightShapeDoesNotVerify() {
        // The -Next signature (by key 2) moved into the main header, for a receiver that knows key 1 only.
        Map<String, String> moved = RSA_OVERLAP.headers();
        moved.put("X-Respond-Flow-Signature", moved.remove("X-Respond-Flow-Signature-Next"));
        WebhookVerifier verifier = WebhookVerifier.builder().clock(Clock.fixed(RSA_OVERLAP.now(), ZoneOffset.UTC))
                .rsa(Vectors.rsaPem(Vectors.RSA_1)).build();
        assertThat(rejected(verifier, moved, RSA_OVERLAP.body()).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void garbageEntriesBesideAGoodSignatureAreSkipped() throws Exception {
        Map<String, String> headers = ONE.headers();
        headers.put("webhook-signature", "v1,!!!not-base64 v2,c29tZXRoaW5nIG5ldw== nocomma v1,AAAA "
                + headers.get("webhook-signature") + "  ");
        assertThat(allSchemes(ONE).build().verify(headers, ONE.body()).id()).isEqualTo(ONE.eventId());
    }

    static Stream<Arguments> badBase64() {
        return Stream.of(
                Arguments.of(SignatureScheme.V1, "webhook-signature", "v1,@@@@ v1a,AAAA"),
                Arguments.of(SignatureScheme.V1A, "webhook-signature", "v1,AAAA v1a,%%%% v1a,****"),
                Arguments.of(SignatureScheme.RSA, "X-Respond-Flow-Signature", "*** not base64 ***"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBase64")
    void signaturesThatAreNotBase64AreSaidToBeSo(SignatureScheme scheme, String header, String value) {
        Map<String, String> headers = ONE.headers();
        headers.put(header, value);
        WebhookVerificationException e = rejected(only(ONE, scheme), headers, ONE.body());
        assertThat(e.reason()).isEqualTo(Reason.BAD_BASE64);
        assertThat(e.header()).isEqualTo(header);
        assertThat(e.getMessage()).endsWith("valid base64").contains(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void aMissingOrBlankHeaderIsNamed(String header) {
        for (String value : new String[] {null, "", "   "}) {
            Map<String, String> headers = new java.util.HashMap<>(ONE.headers());
            if (value == null) {
                headers.remove(header);
            } else {
                headers.put(header, value);
            }
            WebhookVerificationException e = rejected(allSchemes(ONE).build(), headers, ONE.body());
            assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
            assertThat(e.header()).isEqualTo(header);
            assertThat(e.getMessage()).isEqualTo("missing header " + header);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1793534400", "1793534400.5", "1793534400000000", "0x6ae0b5c0", "1 793 534 400"})
    void aTimestampThatIsNotUnixSecondsIsMalformed(String timestamp) {
        Map<String, String> headers = ONE.headers();
        headers.put("webhook-timestamp", timestamp);
        WebhookVerificationException e = rejected(allSchemes(ONE).build(), headers, ONE.body());
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(e.getMessage()).isEqualTo("webhook-timestamp must be whole unix seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evt with spaces", "evt_\u00e9", "evt_\n1"})
    void anIdThatIsNotPrintableAsciiIsMalformed(String id) {
        Map<String, String> headers = ONE.headers();
        headers.put("webhook-id", id);
        assertThat(rejected(allSchemes(ONE).build(), headers, ONE.body()).reason()).isEqualTo(Reason.MALFORMED_HEADER);
        headers.put("webhook-id", "e".repeat(257));
        assertThat(rejected(allSchemes(ONE).build(), headers, ONE.body()).reason()).isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void twoDifferentIdsAreMalformedTheSameOneTwiceIsNot() throws Exception {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        ONE.expectedHeaders().forEach((k, v) -> headers.put(k, List.of(v)));
        headers.put("webhook-id", List.of(ONE.eventId(), ONE.eventId()));
        assertThat(allSchemes(ONE).build().verify(headers, ONE.body()).id()).isEqualTo(ONE.eventId());
        headers.put("webhook-id", List.of(ONE.eventId(), "evt_other"));
        WebhookVerificationException e = rejected(allSchemes(ONE).build(), headers, ONE.body());
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(e.getMessage()).isEqualTo("header webhook-id appears more than once with different values");
        // Two map keys differing only in case are one header.
        Map<String, String> mixed = new java.util.HashMap<>(ONE.expectedHeaders());
        mixed.put("Webhook-Id", "evt_other");
        assertThat(rejected(allSchemes(ONE).build(), mixed, ONE.body()).reason()).isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void theTimestampMustBeWithinFiveMinutesEitherWay() throws Exception {
        TestClock clock = new TestClock(ONE.now());
        WebhookVerifier verifier = allSchemes(ONE).clock(clock).build();
        for (Duration ok : List.of(Duration.ofMinutes(5), Duration.ofMinutes(-5), Duration.ZERO)) {
            clock.set(ONE.now().plus(ok));
            assertThat(verifier.verify(ONE.expectedHeaders(), ONE.body()).id()).isEqualTo(ONE.eventId());
        }
        clock.set(ONE.now().plusSeconds(301));
        WebhookVerificationException late = rejected(verifier, ONE.expectedHeaders(), ONE.body());
        assertThat(late.reason()).isEqualTo(Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
        assertThat(late.getMessage()).startsWith("webhook-timestamp is 301 s in the past; the tolerance is 300 s");
        clock.set(ONE.now().minusSeconds(301));
        WebhookVerificationException early = rejected(verifier, ONE.expectedHeaders(), ONE.body());
        assertThat(early.reason()).isEqualTo(Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
        assertThat(early.getMessage()).startsWith("webhook-timestamp is 301 s in the future");

        WebhookVerifier lenient = allSchemes(ONE).clock(clock).tolerance(Duration.ofMinutes(10)).build();
        assertThat(lenient.verify(ONE.expectedHeaders(), ONE.body()).id()).isEqualTo(ONE.eventId());
    }

    @Test
    void aStaleTimestampIsRefusedBeforeAnySignatureWork() {
        // Even a request whose signatures are all garbage is refused for its age first: replays cost nothing.
        Map<String, String> headers = ONE.headers();
        headers.put("webhook-signature", "v1,AAAA");
        WebhookVerifier verifier = allSchemes(ONE).clock(Clock.fixed(ONE.now().plusSeconds(3600), ZoneOffset.UTC)).build();
        assertThat(rejected(verifier, headers, ONE.body()).reason()).isEqualTo(Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
    }

    @Test
    void messagesNeverContainTheSecretOrSignatures() {
        Map<String, String> headers = ONE.headers();
        headers.put("webhook-signature", "v1,AAAA");
        WebhookVerifier verifier = allSchemes(ONE).build();
        WebhookVerificationException e = rejected(verifier, headers, ONE.body());
        assertThat(e.getMessage()).doesNotContain(ONE.secrets().get(0).substring(6)).doesNotContain("AAAA");
    }

    private static byte[] concat(byte[] a, String b) {
        return (new String(a, StandardCharsets.UTF_8) + b).getBytes(StandardCharsets.UTF_8);
    }
}
