package io.voltmsg.shared;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Remembers for a moment that the database could not serve, so that requests meanwhile are refused at once (HTTP
 * 503) instead of each holding a request thread for the pool's connection timeout: with a handful of API threads,
 * waiting requests would otherwise pile up behind a dead database. One request per {@code recheck} still tries it,
 * and the first that succeeds ends the refusals.
 */
public final class DatabaseAvailability {

    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private volatile boolean failing;
    private volatile long lastFailureNanos;

    public DatabaseAvailability(Duration recheck, LongSupplier nanoTime) {
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A request found the database unavailable. */
    public void failed() {
        lastFailureNanos = nanoTime.getAsLong();
        failing = true;
    }

    /** A request was served by the database. */
    public void served() {
        if (failing) {
            failing = false;
        }
    }

    /** True when the database failed less than {@code recheck} ago and has not served since: refuse without trying. */
    public boolean knownUnavailable() {
        return failing && nanoTime.getAsLong() - lastFailureNanos < recheckNanos;
    }
}
