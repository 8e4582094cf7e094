package io.voltmsg.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What happens after an attempt: a pure decision over the configured schedule, the response
 * and the time, so it is unit-tested without a server or a clock.
 */
final class RetrySchedule {

    static final double JITTER = 0.20;
    /** The longest wait a {@code Retry-After} header can ask for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    /** The status a delivery takes, when it is next due, and why its endpoint must be disabled (or null). */
    record Decision(String status, Instant nextAttemptAt, String disableReason) {
    }

    private final List<Duration> delays;

    RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /**
     * The delay before the next attempt, or empty when retries are exhausted.
     *
     * @param attemptsMade attempts made so far, the failed one included (1 after the first failure)
     * @param jitterUnit   a value in [-1, 1] scaling the ±20% jitter (random in production, fixed in tests)
     */
    Optional<Duration> delayAfter(int attemptsMade, double jitterUnit) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        double factor = 1 + JITTER * Math.max(-1, Math.min(1, jitterUnit));
        return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
    }

    int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * Decides the effect of one attempt.
     *
     * <ul>
     * <li>2xx: {@code DELIVERED}.</li>
     * <li>Any other outcome counts as a failed attempt: the next one follows the schedule, or the
     * delivery is {@code FAILED} once the schedule is exhausted.</li>
     * <li>429 and 503 with a {@code Retry-After} (seconds or an HTTP date): the next attempt is
     * when the receiver asked, capped at one hour, instead of the scheduled delay; the attempt
     * still counts, so an exhausted schedule still ends in {@code FAILED}.</li>
     * <li>410 Gone: as any failure, and the endpoint is to be disabled at once (its pending
     * deliveries then wait until it is enabled again).</li>
     * </ul>
     *
     * @param attemptsMade attempts made so far, this one included
     */
    Decision decide(int attemptsMade, SendOutcome outcome, Instant now, double jitterUnit) {
        if (outcome.isSuccess()) {
            return new Decision(DeliveryRepository.DELIVERED, now, null);
        }
        Optional<Duration> delay = delayAfter(attemptsMade, jitterUnit);
        Integer code = outcome.statusCode();
        if (delay.isPresent() && code != null && (code == 429 || code == 503)) {
            Optional<Duration> asked = parseRetryAfter(outcome.retryAfter(), now);
            if (asked.isPresent()) {
                delay = asked;
            }
        }
        String disableReason = code != null && code == 410
                ? "the endpoint answered HTTP 410 Gone; it was disabled at once, enable it to resume deliveries"
                : null;
        return delay.map(d -> new Decision(DeliveryRepository.PENDING, now.plus(d), disableReason))
                .orElseGet(() -> new Decision(DeliveryRepository.FAILED, now, disableReason));
    }

    /**
     * A {@code Retry-After} value as a delay from {@code now}: delta-seconds or an HTTP date,
     * never negative, at most {@link #MAX_RETRY_AFTER}; empty when absent or unreadable.
     */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        Duration delay;
        if (text.chars().allMatch(Character::isDigit)) {
            if (text.length() > 9) {
                return Optional.of(MAX_RETRY_AFTER);
            }
            delay = Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                delay = Duration.between(now, at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        return Optional.of(delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay);
    }
}
