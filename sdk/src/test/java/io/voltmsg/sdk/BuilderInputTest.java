package io.voltmsg.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.sdk.testing.Vectors;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad configuration fails when the verifier is built, with a message that says what to give instead and no secret. */
class BuilderInputTest {

    @Test
    void nothingConfiguredIsRefused() {
        assertThatThrownBy(() -> WebhookVerifier.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("configure at least one of rsa(), standard(), standardAsymmetric() or fetchingKeysFrom()");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a key", "-----BEGIN PUBLIC KEY-----\n@@@\n-----END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "-----END PUBLIC KEY-----\n-----BEGIN PUBLIC KEY-----"})
    void aBadRsaKeyIsRefused(String pem) {
        assertThatThrownBy(() -> WebhookVerifier.builder().rsa(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RSA");
    }

    @Test
    void theWrongKindOfKeyIsNamed() {
        assertThatThrownBy(() -> WebhookVerifier.builder().rsa(Vectors.ed25519Pem()))
                .hasMessage("the key is not an RSA public key");
        assertThatThrownBy(() -> WebhookVerifier.builder().standardAsymmetric(Vectors.rsaPem(Vectors.RSA_1)))
                .hasMessage("the key is not an Ed25519 public key");
        assertThatThrownBy(() -> WebhookVerifier.builder().rsa("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----"))
                .hasMessageContaining("PKCS#1").hasMessageContaining("/id_rsa.pub");
        assertThatThrownBy(() -> WebhookVerifier.builder().rsa(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"whpk_", "whpk_AAAA", "whpk_!!!!", "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
        "0BDORRH6dPMBMnzzNw7i0HL5C/KlIn6xUDLjkN1oRHI="})
    void aBadEd25519KeyIsRefused(String key) {
        assertThatThrownBy(() -> WebhookVerifier.builder().standardAsymmetric(key))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("AQIDBAUG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "whsec_", "whsec_not base64!!", "whsec_\u00e9\u00e9\u00e9\u00e9"})
    void aBadSecretIsRefusedWithoutEchoingIt(String secret) {
        assertThatThrownBy(() -> WebhookVerifier.builder().standard(secret)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a whsec_ secret is").hasMessageNotContaining("base64!!");
        assertThatThrownBy(() -> WebhookVerifier.builder().standard()).hasMessage("standard() needs at least one whsec_ secret");
        assertThatThrownBy(() -> WebhookVerifier.builder().standard((String) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretWithoutItsPrefixIsAcceptedAsStandardWebhooksLibrariesDo() throws Exception {
        Vectors.Case c = Vectors.named("one secret");
        WebhookVerifier verifier = WebhookVerifier.builder().clock(java.time.Clock.fixed(c.now(), java.time.ZoneOffset.UTC))
                .standard(c.secrets().get(0).substring("whsec_".length())).build();
        assertThat(verifier.verify(c.expectedHeaders(), c.body()).id()).isEqualTo(c.eventId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/keys", "/relative", "127.0.0.1", "http://127.0.0.1:8080/?x=1",
        "http://127.0.0.1:8080/#f", "http://user:pw@127.0.0.1:8080", "file:///etc/passwd", "http:///nohost"})
    void aBadBaseUriIsRefused(String uri) {
        assertThatThrownBy(() -> WebhookVerifier.builder().fetchingKeysFrom(URI.create(uri)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the voltmsg base URI must");
        assertThatThrownBy(() -> WebhookVerifier.builder().fetchingKeysFrom(null))
                .hasMessage("the voltmsg base URI is null");
    }

    @Test
    void theToleranceMustBePositive() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
            assertThatThrownBy(() -> WebhookVerifier.builder().tolerance(bad)).hasMessage("the tolerance must be positive");
        }
    }
}
