package io.voltmsg.delivery;

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

/**
 * Deletes delivery history older than {@code voltmsg.retention}, daily, in small transactions.
 * Pending deliveries are kept whatever their age (their endpoint may be disabled for a long
 * while), and so are the events they need. Every instance may run it; deleting twice is harmless.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int CHUNK = 1000;

    private final DeliveryRepository repository;
    private final RetentionProperties retention;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionPurge(DeliveryRepository repository, RetentionProperties retention, TransactionTemplate transactions,
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
            log.warn("Purging delivery history failed; it will run again tomorrow: {}", e.toString());
        }
    }

    /** Returns how many deliveries and events were deleted. */
    int purge() {
        Instant cutoff = Times.now(clock).minus(retention.retention());
        int total = Purges.inChunks(transactions, () -> repository.purgeDeliveries(cutoff, CHUNK))
                + Purges.inChunks(transactions, () -> repository.purgeEvents(cutoff, CHUNK));
        if (total > 0) {
            log.info("Purged {} deliveries and events older than {}", total, Times.iso(cutoff));
        }
        return total;
    }
}
