package io.voltmsg.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.testing.RepoFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed vectors (sdk/src/test/resources/webhook-signature-vectors.json, made with openssl
 * and Python, not with this code) against the header producer, with the clock fixed at each
 * case's "now", on the JDK provider and on the fast one where it loads.
 */
class SignatureVectorsTest {

    static final JsonNode VECTORS = JsonMapper.builder().build().readTree(RepoFiles.signatureVectors().toFile());

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (boolean fast : new boolean[] {false, true}) {
            for (JsonNode c : VECTORS.path("cases")) {
                out.add(Arguments.of((fast ? "fast provider: " : "JDK: ") + c.path("name").asString(), fast, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesTheExpectedHeaders(String name, boolean fast, JsonNode c) {
        CryptoProvider provider = fast ? CryptoProvider.detect(true) : CryptoProvider.jdk();
        HeaderSigner signer = signer(provider, c);

        Map<String, String> headers = signer.headersFor(request(c, null));

        Map<String, String> expected = new LinkedHashMap<>();
        c.path("expectedHeaders").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
        assertThat(headers).containsExactlyEntriesOf(expected);
    }

    @Test
    void theFastProviderLoadsOnLinuxX8664() {
        if (System.getProperty("os.name").toLowerCase().contains("linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(CryptoProvider.detect(true).describe())
                    .isEqualTo("SHA256withRSA by AmazonCorrettoCryptoProvider, Ed25519 by AmazonCorrettoCryptoProvider");
        }
        assertThat(CryptoProvider.detect(false).describe()).doesNotContain("Corretto");
    }

    @Test
    void theWhpkFormIsTheRawPublicKey() {
        JsonNode ed = VECTORS.path("ed25519Key");
        PlatformKey key = key(CryptoProvider.jdk(), ed);
        assertThat("whpk_" + Base64.getEncoder().encodeToString(key.rawPublicKey())).isEqualTo(ed.path("whpk").asString());
    }

    @Test
    void aStoredSignatureIsReusedWhileItsKeyIsCurrentAndReplacedWhenNot() {
        JsonNode c = caseNamed("after the RSA overlap: the next key is current");
        HeaderSigner signer = signer(CryptoProvider.jdk(), c);
        String expected = c.path("expectedHeaders").path(HeaderSigner.RSA_SIGNATURE_HEADER).asString();

        // Stored with the current key: sent as stored, not recomputed (the stand-in value proves it).
        assertThat(signer.headersFor(request(c, new BodySignature("key_vec_rsa_2", "stored")))
                .get(HeaderSigner.RSA_SIGNATURE_HEADER)).isEqualTo("stored");
        // Stored with the previous key: signed afresh with the current one.
        assertThat(signer.headersFor(request(c, new BodySignature("key_vec_rsa_1", "old")))
                .get(HeaderSigner.RSA_SIGNATURE_HEADER)).isEqualTo(expected);
        assertThat(signer.signBody(c.path("body").asString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new BodySignature("key_vec_rsa_2", expected));
    }

    @Test
    void aFanOutSignsV1aOncePerEventAndSecond() {
        JsonNode c = caseNamed("one secret");
        HeaderSigner signer = signer(CryptoProvider.jdk(), c);
        // Fifty endpoints, each with its own secret, at one second: one Ed25519 signature, cached per (event, second, key).
        for (int i = 0; i < 50; i++) {
            signer.headersFor(new SigningRequest(c.path("eventId").asString(),
                    c.path("body").asString().getBytes(StandardCharsets.UTF_8), null,
                    List.of(new WebhookSecrets(null).generate()), Instant.ofEpochSecond(c.path("timestamp").asLong())));
        }
        assertThat(signer.v1aCacheSize()).isEqualTo(1);
        signer.headersFor(new SigningRequest(c.path("eventId").asString(),
                c.path("body").asString().getBytes(StandardCharsets.UTF_8), null, List.of(),
                Instant.ofEpochSecond(c.path("timestamp").asLong() + 1)));
        assertThat(signer.v1aCacheSize()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "c2hvcnQ=", "", "   "})
    void aMalformedMasterKeyIsRefusedWithHowToMakeOne(String value) {
        assertThatThrownBy(() -> MasterKey.fromBase64(value))
                .isInstanceOfSatisfying(io.voltmsg.shared.StartupProblem.class,
                        e -> assertThat(e.action()).contains("openssl rand -base64 32"))
                .hasMessageContaining("voltmsg.signing.master-key");
    }

    @Test
    void aSealedSecretOpensOnlyWithTheSameMasterKeyAndRow() {
        WebhookSecrets secrets = new WebhookSecrets(MasterKey.fromBase64(MasterKey.generateBase64()));
        String secret = secrets.generate();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        byte[] sealed = secrets.seal(secret, "whs_1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6, 20));
        assertThat(secrets.open(sealed, "whs_1")).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.open(sealed, "whs_2")).hasMessageNotContaining(secret)
                .hasMessageContaining("master-key");
        WebhookSecrets other = new WebhookSecrets(MasterKey.fromBase64(MasterKey.generateBase64()));
        assertThatThrownBy(() -> other.open(sealed, "whs_1")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(secret);
    }

    static JsonNode caseNamed(String name) {
        for (JsonNode c : VECTORS.path("cases")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static HeaderSigner signer(CryptoProvider provider, JsonNode c) {
        List<PlatformKey> rsa = new ArrayList<>();
        for (JsonNode id : c.path("rsaKeyIds")) {
            for (JsonNode k : VECTORS.path("rsaKeys")) {
                if (k.path("id").asString().equals(id.asString())) {
                    rsa.add(key(provider, k));
                }
            }
        }
        KeyRing ring = new KeyRing(rsa, List.of(key(provider, VECTORS.path("ed25519Key"))));
        Clock clock = Clock.fixed(Instant.parse(c.path("now").asString()), ZoneOffset.UTC);
        return new HeaderSigner(ring, clock, 100);
    }

    static PlatformKey key(CryptoProvider provider, JsonNode k) {
        Base64.Decoder b64 = Base64.getDecoder();
        return PlatformKey.fromEncoded(k.path("id").asString(), k.path("algorithm").asString(), k.path("generation").asInt(),
                Instant.parse(k.path("activatesAt").asString()), b64.decode(k.path("privateKeyPkcs8").asString()),
                b64.decode(k.path("publicKeySpki").asString()), provider);
    }

    static SigningRequest request(JsonNode c, BodySignature stored) {
        List<String> secrets = new ArrayList<>();
        c.path("secrets").forEach(s -> secrets.add(s.asString()));
        return new SigningRequest(c.path("eventId").asString(), c.path("body").asString().getBytes(StandardCharsets.UTF_8),
                stored, secrets, Instant.ofEpochSecond(c.path("timestamp").asLong()));
    }
}
