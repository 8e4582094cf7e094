package io.voltmsg.audit;

import io.voltmsg.shared.Purges;
import io.voltmsg.shared.RetentionProperties;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Deletes audit entries older than {@code voltmsg.retention}, daily, like delivery history. */
@Component
class AuditPurge {

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);
    private static final int CHUNK = 1000;

    private final AuditRepository repository;
    private final RetentionProperties retention;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AuditPurge(AuditRepository repository, RetentionProperties retention, TransactionTemplate transactions,
               Clock clock) {
        this.repository = repository;
        this.retention = retention;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${voltmsg.delivery.purge-cron:0 17 3 * * *}", zone = "UTC")
    void daily() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Purging the audit log failed; it will run again tomorrow: {}", e.toString());
        }
    }

    /** Returns how many entries were deleted. */
    int purge() {
        Instant cutoff = Times.now(clock).minus(retention.retention());
        int total = Purges.inChunks(transactions, () -> repository.purge(cutoff, CHUNK));
        if (total > 0) {
            log.info("Purged {} audit entries older than {}", total, Times.iso(cutoff));
        }
        return total;
    }
}
