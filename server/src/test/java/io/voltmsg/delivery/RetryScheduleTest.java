package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    static final List<Duration> STANDARD = new DeliveryPropertiesDefaults().retrySchedule();
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00.000Z");

    final RetrySchedule schedule = new RetrySchedule(STANDARD);

    /** The default schedule, read from the same place Spring reads it. */
    static final class DeliveryPropertiesDefaults {
        List<Duration> retrySchedule() {
            return List.of("5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h").stream()
                    .map(s -> org.springframework.boot.convert.DurationStyle.detectAndParse(s)).toList();
        }
    }

    @ParameterizedTest
    @CsvSource({"1, PT5S", "2, PT5M", "3, PT30M", "4, PT2H", "5, PT5H", "6, PT10H", "7, PT14H", "8, PT20H", "9, PT24H"})
    void followsTheStandardWebhooksScheduleWithoutJitter(int attemptsMade, String expected) {
        assertThat(schedule.delayAfter(attemptsMade, 0)).contains(Duration.parse(expected));
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        assertThat(schedule.delayAfter(1, -1)).contains(Duration.ofSeconds(4));
        assertThat(schedule.delayAfter(1, 1)).contains(Duration.ofSeconds(6));
        assertThat(schedule.delayAfter(9, 1)).contains(Duration.ofHours(24).plusMinutes(288));
        assertThat(schedule.delayAfter(9, -5)).contains(Duration.ofMinutes(1152)); // clamped to -20%
        for (int i = 0; i < 1000; i++) {
            double jitter = java.util.concurrent.ThreadLocalRandom.current().nextDouble(-1, 1);
            assertThat(schedule.delayAfter(2, jitter).orElseThrow()).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(360));
        }
    }

    @Test
    void theScheduleSpansAboutThreeDaysThenFailed() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt <= 9; attempt++) {
            total = total.plus(schedule.delayAfter(attempt, 0).orElseThrow());
        }
        assertThat(total).isEqualTo(Duration.ofHours(75).plusMinutes(35).plusSeconds(5));
        assertThat(schedule.delayAfter(10, 0)).isEmpty();
        assertThat(schedule.maxAttempts()).isEqualTo(10);
        RetrySchedule.Decision last = schedule.decide(10, SendOutcome.response(500, "", 5, null), NOW, 0);
        assertThat(last.status()).isEqualTo("FAILED");
    }

    @Test
    void successIsDelivered() {
        RetrySchedule.Decision d = schedule.decide(3, SendOutcome.response(204, "", 5, null), NOW, 0);
        assertThat(d.status()).isEqualTo("DELIVERED");
        assertThat(d.disableReason()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"HTTP_500", "HTTP_404", "HTTP_301", "timeout", "connection refused", "address not allowed"})
    void failuresFollowTheSchedule(String failure) {
        SendOutcome outcome = failure.startsWith("HTTP_")
                ? SendOutcome.response(Integer.parseInt(failure.substring(5)), "", 5, "120")
                : SendOutcome.failed(failure, 5);
        RetrySchedule.Decision d = schedule.decide(1, outcome, NOW, 0);
        assertThat(d.status()).isEqualTo("PENDING");
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5)); // Retry-After ignored outside 429/503
        assertThat(d.disableReason()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"429, 120, PT2M", "503, 120, PT2M", "503, 0, PT0S", "429, 86400, PT1H", "429, 99999999999999, PT1H",
            "503, 3600, PT1H"})
    void retryAfterSecondsIsHonouredAndCapped(int status, String retryAfter, String expected) {
        RetrySchedule.Decision d = schedule.decide(1, SendOutcome.response(status, "", 5, retryAfter), NOW, 0.7);
        assertThat(d.status()).isEqualTo("PENDING");
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plus(Duration.parse(expected)));
    }

    @Test
    void retryAfterHttpDateIsHonouredAndCapped() {
        RetrySchedule.Decision d = schedule.decide(1,
                SendOutcome.response(503, "", 5, "Sat, 28 Nov 2026 12:10:00 GMT"), NOW, 0);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        d = schedule.decide(1, SendOutcome.response(503, "", 5, "Sun, 29 Nov 2026 12:00:00 GMT"), NOW, 0);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        d = schedule.decide(1, SendOutcome.response(429, "", 5, "Fri, 27 Nov 2026 12:00:00 GMT"), NOW, 0);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW); // in the past: now
    }

    @Test
    void unreadableRetryAfterFallsBackToTheSchedule() {
        for (String value : new String[] {"soon", "-5", "1.5", "", "  "}) {
            RetrySchedule.Decision d = schedule.decide(1, SendOutcome.response(429, "", 5, value), NOW, 0);
            assertThat(d.nextAttemptAt()).as(value).isEqualTo(NOW.plusSeconds(5));
        }
        assertThat(RetrySchedule.parseRetryAfter(null, NOW)).isEqualTo(Optional.empty());
    }

    @Test
    void retryAfterStillCountsTheAttempt() {
        RetrySchedule.Decision d = schedule.decide(10, SendOutcome.response(429, "", 5, "10"), NOW, 0);
        assertThat(d.status()).isEqualTo("FAILED");
    }

    @Test
    void goneDisablesTheEndpointAndKeepsTheDeliveryWaiting() {
        RetrySchedule.Decision d = schedule.decide(1, SendOutcome.response(410, "", 5, null), NOW, 0);
        assertThat(d.disableReason()).contains("410");
        assertThat(d.status()).isEqualTo("PENDING");
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(EndpointHealth.human(Duration.ofDays(5))).isEqualTo("5 days");
        assertThat(EndpointHealth.human(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(EndpointHealth.human(Duration.ofMinutes(2))).isEqualTo("2 minutes");
        assertThat(EndpointHealth.human(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }
}
