package io.voltmsg.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** When to try again after a failed attempt: a pure decision over the configured schedule. */
final class RetrySchedule {

    static final double JITTER = 0.20;

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
}
