package io.voltmsg.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows repeated failed sign-ins, per e-mail address and per client address: the first
 * {@value #FREE_FAILURES} failures cost nothing, then each further try must wait twice as long as
 * the one before (1 s, 2 s, 4 s, ... at most {@link #MAX_WAIT}); a success forgets the failures,
 * and so does {@link #FORGET_AFTER} without trying. Kept in this instance's memory (bounded), so
 * several instances each slow an attacker on their own.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int CAPACITY = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > CAPACITY;
        }
    };

    /** How long a key with {@code count} failures must wait after its last one before trying again. */
    static Duration waitAfter(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** How long these keys must still wait at {@code now}; zero when a try is allowed. */
    synchronized Duration remaining(Instant now, String... keys) {
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f == null) {
                continue;
            }
            if (f.last().plus(FORGET_AFTER).isBefore(now)) {
                failures.remove(key);
                continue;
            }
            Duration left = Duration.between(now, f.last().plus(waitAfter(f.count())));
            if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest;
    }

    synchronized void failed(Instant now, String... keys) {
        for (String key : keys) {
            Failures f = failures.get(key);
            failures.put(key, new Failures(f == null ? 1 : f.count() + 1, now));
        }
    }

    synchronized void succeeded(String... keys) {
        for (String key : keys) {
            failures.remove(key);
        }
    }
}
