package io.voltmsg.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure rules of portal users: roles, passwords, e-mail addresses, and how failed sign-ins are slowed. */
class UserRulesTest {

    @Test
    void rolesAllowWhatTheIssueSays() {
        for (Permission p : Permission.values()) {
            assertThat(Role.ADMIN.allows(p)).as(p.name()).isTrue();
        }
        assertThat(Role.DEVELOPER.allows(Permission.WRITE_WEBHOOKS)).isTrue();
        assertThat(Role.DEVELOPER.allows(Permission.SEND_MESSAGES)).isTrue();
        assertThat(Role.DEVELOPER.allows(Permission.WRITE_CONTACTS)).isTrue();
        assertThat(Role.DEVELOPER.allows(Permission.MANAGE_TOKENS)).isFalse();
        assertThat(Role.DEVELOPER.allows(Permission.MANAGE_USERS)).isFalse();
        assertThat(Role.DEVELOPER.allows(Permission.READ_AUDIT)).isFalse();
        assertThat(Role.VIEWER.allows(Permission.READ)).isTrue();
        for (Permission p : Permission.values()) {
            if (p != Permission.READ) {
                assertThat(Role.VIEWER.allows(p)).as(p.name()).isFalse();
            }
        }
    }

    @Test
    void rolesParseFromTheirNamesOnly() {
        assertThat(Role.parse(" Viewer ")).isEqualTo(Role.VIEWER);
        for (String bad : new String[] {"", "root", "admin\u0000", null, "ADMINS"}) {
            assertThatThrownBy(() -> Role.parse(bad)).hasMessageContaining("admin, developer, viewer");
        }
    }

    @Test
    void chosenPasswordsAreLongEnoughAndFitBcrypt() {
        assertThat(Passwords.problemWith("twelve chars")).isNull();
        assertThat(Passwords.problemWith("short")).contains("at least 12");
        assertThat(Passwords.problemWith(null)).contains("at least 12");
        assertThat(Passwords.problemWith("é".repeat(37))).contains("72 bytes");
        assertThat(Passwords.problemWith("            ")).contains("blank");
        assertThat(Passwords.problemWith("tab\tinside the password")).contains("control");
    }

    @Test
    void oneTimePasswordsAreLongRandomAndReadable() {
        String a = Passwords.generate();
        assertThat(a).matches("([a-zA-Z2-9]{5}-){3}[a-zA-Z2-9]{5}").doesNotContain("l", "1", "0", "O", "I");
        assertThat(Passwords.generate()).isNotEqualTo(a);
        assertThat(Passwords.problemWith(a)).isNull();
    }

    @Test
    void hashesMatchOnlyTheirPassword() {
        String hash = Passwords.hash("correct horse battery");
        assertThat(hash).startsWith("$2");
        assertThat(Passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(Passwords.matches("correct horse batterY", hash)).isFalse();
        assertThat(Passwords.matches("anything", null)).isFalse();
        assertThat(Passwords.matches(null, hash)).isFalse();
        assertThat(Passwords.matches("x".repeat(100), hash)).isFalse();
    }

    @Test
    void emailAddressesAreNormalizedOrRefusedWithAReason() {
        assertThat(Emails.normalize("  Ann@Example.COM ")).isEqualTo("ann@example.com");
        assertThat(Emails.normalize("admin@localhost")).isEqualTo("admin@localhost");
        for (String bad : new String[] {"", "   ", "no-at-sign", "two@@example.com", "a@b@c", "sp ace@example.com",
                "nul\u0000@example.com", "trailing@", "@example.com", "a@.example.com", "a@example.", "x".repeat(65) + "@e.com",
                "a@" + "b".repeat(260)}) {
            assertThatThrownBy(() -> Emails.normalize(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("e-mail address");
        }
    }

    @Test
    void failedSignInsAreFreeAtFirstThenEachTryWaitsTwiceAsLong() {
        assertThat(SignInThrottle.waitAfter(4)).isZero();
        assertThat(SignInThrottle.waitAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.waitAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.waitAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(SignInThrottle.waitAfter(40)).isEqualTo(SignInThrottle.MAX_WAIT);
    }

    @Test
    void theThrottleCountsPerKeyForgetsOnSuccessAndAfterAWhile() {
        SignInThrottle throttle = new SignInThrottle();
        Instant t = Instant.parse("2026-11-28T12:00:00Z");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.remaining(t, "email:a", "client:1")).isZero();
            throttle.failed(t, "email:a", "client:1");
        }
        assertThat(throttle.remaining(t, "email:a")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.remaining(t, "email:b", "client:1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.remaining(t, "email:b", "client:2")).isZero();
        assertThat(throttle.remaining(t.plusSeconds(1), "email:a")).isZero();
        throttle.failed(t.plusSeconds(1), "email:a");
        assertThat(throttle.remaining(t.plusSeconds(1), "email:a")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.remaining(t.plus(SignInThrottle.FORGET_AFTER).plusSeconds(2), "email:a")).isZero();
        throttle.failed(t, "email:c", "email:c", "email:c", "email:c", "email:c");
        throttle.succeeded("email:c");
        assertThat(throttle.remaining(t, "email:c")).isZero();
    }
}
