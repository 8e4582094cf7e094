package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void nulAndUnpairedSurrogatesBecomeReplacementCharacters() {
        assertThat(StorableText.of("plain 😀")).isEqualTo("plain 😀");
        assertThat(StorableText.of("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("x\ud800")).isEqualTo("x\uFFFD");
        assertThat(StorableText.of("\udc00y")).isEqualTo("\uFFFDy");
        assertThat(StorableText.of("")).isEmpty();
    }
}
