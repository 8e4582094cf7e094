package io.voltmsg.sdk;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers the {@code webhook-id}s a receiver has processed, so that it drops the duplicates
 * at-least-once delivery brings (a retry after a timeout, a re-send) in one line:
 *
 * <pre>{@code
 * if (!seen.firstTime(webhook.id())) { return 200; }   // processed before
 * }</pre>
 *
 * When processing then fails (and the receiver answers with an error so that voltmsg retries), call
 * {@link #forget} so the retry is processed. Implement it over a database or Redis to share it
 * between instances or keep it across restarts; {@link #inMemory()} is one process's, bounded.
 */
public interface SeenIds {

    /** Records {@code webhookId}; true the first time, false for an id seen (and not forgotten or expired) before. */
    boolean firstTime(String webhookId);

    /** Forgets {@code webhookId}, so the next request with it counts as the first. */
    void forget(String webhookId);

    /**
     * In memory, at most 100,000 ids, each kept 4 days: longer than voltmsg's retries last (about three
     * and a half days), so a retry of a processed event is always recognised until the bound is reached.
     */
    static SeenIds inMemory() {
        return inMemory(100_000, Duration.ofDays(4));
    }

    /** In memory, at most {@code maxIds} (the oldest are forgotten first), each kept for {@code keepFor}. */
    static SeenIds inMemory(int maxIds, Duration keepFor) {
        return new InMemorySeenIds(maxIds, keepFor, Clock.systemUTC());
    }
}
