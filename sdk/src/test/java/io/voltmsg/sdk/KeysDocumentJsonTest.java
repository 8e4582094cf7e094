package io.voltmsg.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small reader of /.well-known/webhook-keys: what the server sends, and hostile documents. */
class KeysDocumentJsonTest {

    @Test
    void readsTheServersShape() {
        Object parsed = KeysDocumentJson.parse(" {\"keys\":[{\"kid\":\"key_1\",\"alg\":\"Ed25519\",\"pem\":"
                + "\"-----BEGIN PUBLIC KEY-----\\nMCow\\u0041\\/x\\n\",\"whpk\":\"whpk_x\",\"current\":true,"
                + "\"n\":-1.5e3,\"z\":0,\"none\":null,\"f\":false,\"e\":[],\"o\":{}}]}\n");
        Map<?, ?> key = (Map<?, ?>) ((List<?>) ((Map<?, ?>) parsed).get("keys")).get(0);
        assertThat(key.get("pem")).isEqualTo("-----BEGIN PUBLIC KEY-----\nMCowA/x\n");
        assertThat(key.get("current")).isEqualTo(true);
        assertThat(key.get("n")).isEqualTo(new BigDecimal("-1.5e3"));
        assertThat(key.get("z")).isEqualTo(BigDecimal.ZERO);
        assertThat(key.containsKey("none")).isTrue();
        assertThat(key.get("none")).isNull();
        assertThat(key.get("f")).isEqualTo(false);
        assertThat(key.get("e")).isEqualTo(List.of());
        assertThat(key.get("o")).isEqualTo(Map.of());
        assertThat(KeysDocumentJson.parse("\"\\ud83d\\udc4b\"")).isEqualTo("👋");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "{a:1}", "'x'",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\uZZZZ\"", "01", "-", "1.", "1e", "+1", "tru", "nul",
        "{} {}", "\"tab\there\"", "{\"a\":1,\"a\":2}", "NaN", "[1]x"})
    void malformedDocumentsAreRefusedWithWhere(String text) {
        assertThatThrownBy(() -> KeysDocumentJson.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON at offset ");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        char[] open = new char[100_000];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> KeysDocumentJson.parse(new String(open)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than 32");
    }
}
