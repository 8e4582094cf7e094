package io.voltmsg.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@link SeenIds} in one process: ids in the order first seen, dropped when too old or too many. */
final class InMemorySeenIds implements SeenIds {

    private final int maxIds;
    private final Duration keepFor;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    InMemorySeenIds(int maxIds, Duration keepFor, Clock clock) {
        if (maxIds < 1) {
            throw new IllegalArgumentException("maxIds must be at least 1");
        }
        if (keepFor == null || keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("keepFor must be positive");
        }
        this.maxIds = maxIds;
        this.keepFor = keepFor;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean firstTime(String webhookId) {
        Objects.requireNonNull(webhookId, "webhookId");
        Instant now = clock.instant();
        expire(now);
        if (seen.containsKey(webhookId)) {
            return false;
        }
        seen.put(webhookId, now);
        if (seen.size() > maxIds) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    @Override
    public synchronized void forget(String webhookId) {
        seen.remove(webhookId);
    }

    synchronized int size() {
        return seen.size();
    }

    /** Entries are in insertion order, so the expired ones are at the front. */
    private void expire(Instant now) {
        Instant cutoff = now.minus(keepFor);
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue().isAfter(cutoff)) {
                return;
            }
            entries.remove();
        }
    }
}
