package io.voltmsg.carrier.smpp;

import java.util.function.LongSupplier;

/**
 * Throughput limit in PDUs per second. Holds at most one second's worth of tokens, so after a quiet period
 * a burst of up to {@code perSecond} goes out at once, then the steady rate. {@code perSecond <= 0} means
 * unlimited. The clock is injected (nanoTime-like) to keep tests free of timing.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long perSecond;
    private final LongSupplier nanoTime;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    TokenBucket(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
        this.lastRefill = nanoTime.getAsLong();
    }

    boolean unlimited() {
        return perSecond <= 0;
    }

    /** Takes one token if available. */
    synchronized boolean tryAcquire() {
        if (unlimited()) {
            return true;
        }
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token exists (0 when one is available now). */
    synchronized long nanosUntilNextToken() {
        if (unlimited()) {
            return 0;
        }
        refill();
        if (tokens >= 1) {
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + (double) elapsed * perSecond / NANOS_PER_SECOND);
            lastRefill = now;
        }
    }
}
