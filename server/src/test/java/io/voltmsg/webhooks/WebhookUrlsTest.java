package io.voltmsg.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.shared.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "https://Example.COM/hooks, https://example.com/hooks",
            "HTTPS://example.com:443/hooks, https://example.com/hooks",
            "http://example.com:80/hooks?a=1, http://example.com/hooks?a=1",
            "http://example.com:8080/hooks, http://example.com:8080/hooks",
            "https://example.com:80/x, https://example.com:80/x",
            "https://example.com, https://example.com",
            "https://example.com/Path/Case, https://example.com/Path/Case",
            "'  https://example.com/trimmed  ', https://example.com/trimmed",
            "http://[::1]:9000/h, http://[::1]:9000/h"})
    void normalizesSchemeHostAndDefaultPortOnly(String url, String normalized) {
        assertThat(WebhookUrls.normalize(WebhookUrls.parse(url))).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "example.com/hook", "ftp://example.com/", "ws://example.com/", "mailto:a@b.c",
            "https://user@example.com/", "https://u:p@example.com/", "https:///path", "https://exa mple.com/",
            "https://example.com:0/", "https://example.com:65536/", "http://\u0007bell/", "https://example.com/a\nb",
            "data:text/plain,hi", "https://%zz/"})
    void refusesWhatIsNotAnHttpUrlWithAHost(String url) {
        assertThatThrownBy(() -> WebhookUrls.parse(url))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("BAD_USER_INPUT");
                    assertThat(e.extensions()).containsEntry("field", "url");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1:9000/", "http://0x7f.0.0.1/", "http://2130706433/", "http://127.1/",
            "https://127.0.0.01/hook", "http://0x7f000001:8080/", "http://127.0.0.1./", "http://user@0177.0.0.1/"})
    void refusesAmbiguousIpv4HostsAtRegistrationWithoutResolvingThem(String url) {
        assertThatThrownBy(() -> WebhookUrls.parse(url))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("BAD_USER_INPUT");
                    assertThat(e.extensions()).containsEntry("field", "url");
                    if (!url.contains("@")) {
                        assertThat(e.getMessage()).contains("ambiguous", "four decimal numbers");
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/", "https://[::1]/h", "https://[2001:db8::1]:8443/h",
            "https://hooks.example.com/h"})
    void acceptsCanonicalAddressesAndNames(String url) {
        assertThat(WebhookUrls.parse(url).getHost()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 2049})
    void limitsLengthTo2048(int length) {
        String base = "https://example.com/";
        String url = base + "a".repeat(length - base.length());
        if (length <= WebhookUrls.MAX_LENGTH) {
            assertThat(WebhookUrls.parse(url).toString()).hasSize(length);
        } else {
            assertThatThrownBy(() -> WebhookUrls.parse(url)).hasMessageContaining("2048");
        }
    }
}
