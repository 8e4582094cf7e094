package io.voltmsg.messaging;

import io.voltmsg.shared.ApiException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bounds each organization's messages not yet submitted to the carrier ({@code voltmsg.messaging.max-queued}): beyond
 * it {@code createMessage} is refused with {@code QUEUE_FULL} before anything is stored, so overload is refused rather
 * than absorbed as an ever longer queue. The count is read from the database at most once a {@value #RECOUNT_MILLIS}
 * ms per organization, plus what this instance queued since; instances sharing a database see each other's messages
 * at the next count, so together they may go past the bound by what they queue within that time.
 */
@Component
class OutboundBacklog {

    static final long RECOUNT_MILLIS = 1000;
    static final int RETRY_AFTER_SECONDS = 5;

    /** The database's count at a moment, and what this instance queued after it. */
    private record Count(int counted, long countedAtNanos, AtomicInteger queuedSince) {
    }

    private final JdbcClient jdbc;
    private final int maxQueued;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    OutboundBacklog(JdbcClient jdbc, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.maxQueued = properties.maxQueued();
    }

    /** Refuses with {@code QUEUE_FULL} when the organization's backlog is at the bound. */
    void admit(String organizationId) {
        Count count = current(organizationId);
        int waiting = count.counted() + count.queuedSince().get();
        if (isFull(waiting, maxQueued)) {
            throw new ApiException("QUEUE_FULL", "the organization has " + waiting + " messages waiting to be sent, the most "
                    + "allowed (voltmsg.messaging.max-queued " + maxQueued + "); nothing was stored; retry in "
                    + RETRY_AFTER_SECONDS + " s, when some have gone to the carrier",
                    Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS, "maxQueued", maxQueued));
        }
    }

    static boolean isFull(int waiting, int maxQueued) {
        return waiting >= maxQueued;
    }

    /** A message of the organization was queued (called once its transaction committed). */
    void queued(String organizationId) {
        Count count = counts.get(organizationId);
        if (count != null) {
            count.queuedSince().incrementAndGet();
        }
    }

    private Count current(String organizationId) {
        long now = System.nanoTime();
        return counts.compute(organizationId, (org, known) -> known != null
                && now - known.countedAtNanos() < TimeUnit.MILLISECONDS.toNanos(RECOUNT_MILLIS)
                ? known
                : new Count(countWaiting(org), now, new AtomicInteger()));
    }

    private int countWaiting(String organizationId) {
        return jdbc.sql("""
                        select count(*) from messages
                        where organization_id = ? and status in ('QUEUED', 'SENDING')""")
                .param(organizationId).query(Integer.class).single();
    }
}
