package io.voltmsg.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.sdk.testing.Vectors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed vector (made with openssl and Python, and held against the server's signer by the
 * server's SignatureVectorsTest) verifies, with every scheme together and each alone, however the
 * headers are handed over.
 */
class VectorVerificationTest {

    static Stream<Vectors.Case> cases() {
        return Vectors.cases().stream();
    }

    /** A verifier for the case's keys and secrets with the clock at the case's "now". */
    static WebhookVerifier.Builder allSchemes(Vectors.Case c) {
        WebhookVerifier.Builder builder = WebhookVerifier.builder().clock(Clock.fixed(c.now(), ZoneOffset.UTC))
                .standardAsymmetric(Vectors.ed25519Whpk());
        c.rsaKeyIds().forEach(id -> builder.rsa(Vectors.rsaPem(id)));
        if (!c.secrets().isEmpty()) {
            builder.standard(c.secrets().toArray(String[]::new));
        }
        return builder;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyConfiguredSchemeVerifies(Vectors.Case c) throws Exception {
        WebhookVerifier verifier = allSchemes(c).build();
        Set<SignatureScheme> expected = c.secrets().isEmpty() ? EnumSet.of(SignatureScheme.RSA, SignatureScheme.V1A)
                : EnumSet.allOf(SignatureScheme.class);
        assertThat(verifier.schemes()).isEqualTo(expected);

        VerifiedWebhook webhook = verifier.verify(c.expectedHeaders(), c.body());

        assertThat(webhook.id()).isEqualTo(c.eventId());
        assertThat(webhook.timestamp()).isEqualTo(Instant.ofEpochSecond(c.timestamp()));
        assertThat(webhook.body()).isEqualTo(c.body());
        assertThat(webhook.bodyText()).isEqualTo(c.bodyText());
        assertThat(webhook.verifiedBy()).isEqualTo(expected);
    }

    static Stream<Arguments> casesAndSchemes() {
        List<Arguments> out = new ArrayList<>();
        for (Vectors.Case c : Vectors.cases()) {
            out.add(Arguments.of(c.name() + ": RSA", c, SignatureScheme.RSA));
            out.add(Arguments.of(c.name() + ": v1a", c, SignatureScheme.V1A));
            if (!c.secrets().isEmpty()) {
                out.add(Arguments.of(c.name() + ": v1", c, SignatureScheme.V1));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesAndSchemes")
    void eachSchemeAloneVerifies(String name, Vectors.Case c, SignatureScheme scheme) throws Exception {
        WebhookVerifier verifier = only(c, scheme);
        assertThat(verifier.verify(c.expectedHeaders(), c.body()).verifiedBy()).containsExactly(scheme);
    }

    static WebhookVerifier only(Vectors.Case c, SignatureScheme scheme) {
        WebhookVerifier.Builder builder = WebhookVerifier.builder().clock(Clock.fixed(c.now(), ZoneOffset.UTC));
        switch (scheme) {
            case RSA -> c.rsaKeyIds().forEach(id -> builder.rsa(Vectors.rsaPem(id)));
            case V1 -> builder.standard(c.secrets().toArray(String[]::new));
            case V1A -> builder.standardAsymmetric(Vectors.ed25519Pem());
        }
        return builder.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headersAsAMultiMapWithAnyCaseOrAsALookup(Vectors.Case c) throws Exception {
        WebhookVerifier verifier = allSchemes(c).build();

        Map<String, List<String>> multi = new LinkedHashMap<>();
        c.expectedHeaders().forEach((k, v) -> multi.put(k.toUpperCase(), List.of(v)));
        multi.put("Content-Type", List.of("application/json"));
        assertThat(verifier.verify(multi, c.body()).id()).isEqualTo(c.eventId());

        Map<String, String[]> arrays = new LinkedHashMap<>();
        c.expectedHeaders().forEach((k, v) -> arrays.put(k.toLowerCase(), new String[] {v}));
        assertThat(verifier.verify(arrays, c.body()).id()).isEqualTo(c.eventId());

        // A case-insensitive lookup, as servlet getHeader, Spring's HttpHeaders::getFirst and Netty's headers do.
        Map<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        c.expectedHeaders().forEach((k, v) -> insensitive.put(k.toLowerCase(), v));
        Function<String, String> lookup = insensitive::get;
        assertThat(verifier.verify(lookup, c.body()).id()).isEqualTo(c.eventId());
    }
}
