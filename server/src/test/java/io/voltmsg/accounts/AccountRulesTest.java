package io.voltmsg.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+15550100001", "+12", "+447911123456", "+123456789012345"})
    void acceptsE164(String number) {
        assertThat(PhoneNumbers.isE164(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "+1", "15550100001", "+0155501", "+1234567890123456", "+1 555 0100", "+1-555-0100",
            "++15550100001", "+15550100001\n", "+1555abc0100", "+١٢٣٤٥", " +15550100001"})
    void refusesAnythingElse(String number) {
        assertThat(PhoneNumbers.isE164(number)).isFalse();
        assertThat(PhoneNumbers.isE164(null)).isFalse();
    }

    @Test
    void parsesScopeLists() {
        assertThat(Scope.parseList("read:webhooks, write:webhooks")).containsExactlyInAnyOrder(Scope.READ_WEBHOOKS, Scope.WRITE_WEBHOOKS);
        assertThat(Scope.parseList("all")).isEqualTo(EnumSet.allOf(Scope.class));
        assertThat(Scope.join(EnumSet.of(Scope.READ_MESSAGES))).isEqualTo("read:messages");
        assertThatThrownBy(() -> Scope.parseList("read:webhooks,admin")).hasMessageContaining("unknown scope 'admin'");
        assertThatThrownBy(() -> Scope.parseList(" , ")).hasMessageContaining("no scopes");
        assertThatThrownBy(() -> Scope.parseList(null)).hasMessageContaining("no scopes");
    }

    @Test
    void tokensAreLongRandomAndHashedDeterministically() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.generate();
            assertThat(token).startsWith("vm_").hasSize(3 + 43).matches("vm_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
        String token = Tokens.generate();
        assertThat(Tokens.hash(token)).isEqualTo(Tokens.hash(token)).hasSize(64).doesNotContain(token);
        assertThat(Tokens.hash(token)).isNotEqualTo(Tokens.hash(token + "x"));
    }

    @Test
    void configuredTokensMustBeLongPrintableAndWithoutSpaces() {
        assertThat(Tokens.problemWith("quickstart-token-0123456789")).isNull();
        assertThat(Tokens.problemWith("short")).contains("at least 16");
        assertThat(Tokens.problemWith("has a space in it 0123456789")).contains("printable");
        assertThat(Tokens.problemWith("tab\tinside-0123456789")).contains("printable");
        assertThat(Tokens.problemWith("x".repeat(513))).contains("at most 512");
    }
}
