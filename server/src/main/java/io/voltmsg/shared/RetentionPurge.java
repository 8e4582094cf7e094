package io.voltmsg.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes every feature's rows older than {@code voltmsg.retention}, daily, a chunk per transaction so that a large
 * purge never holds locks for long. Every instance may run it; deleting twice is harmless.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int CHUNK = 1000;

    private final List<ExpiredRows> kinds;
    private final RetentionProperties retention;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionPurge(List<ExpiredRows> kinds, RetentionProperties retention, TransactionTemplate transactions,
                   Clock clock) {
        this.kinds = kinds;
        this.retention = retention;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${voltmsg.delivery.purge-cron:0 17 3 * * *}", zone = "UTC")
    void daily() {
        purge();
    }

    /** Returns how many rows were deleted; a kind that fails is logged and the others still run. */
    public int purge() {
        Instant cutoff = Times.now(clock).minus(retention.retention());
        int total = 0;
        for (ExpiredRows kind : kinds) {
            try {
                int deleted = inChunks(kind, cutoff);
                if (deleted > 0) {
                    log.info("Purged {} {} older than {}", deleted, kind.description(), Times.iso(cutoff));
                }
                total += deleted;
            } catch (RuntimeException e) {
                log.warn("Purging {} failed; it will run again tomorrow: {}", kind.description(), e.toString());
            }
        }
        return total;
    }

    private int inChunks(ExpiredRows kind, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            Integer n = transactions.execute(tx -> kind.deleteOlderThan(cutoff, CHUNK));
            deleted = n == null ? 0 : n;
            total += deleted;
        } while (deleted > 0);
        return total;
    }
}
