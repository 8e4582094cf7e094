package io.voltmsg.delivery;

import io.voltmsg.shared.ExpiredRows;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Finished deliveries older than {@code voltmsg.retention}, then the events no delivery needs any more. Pending
 * deliveries are kept whatever their age (their endpoint may be disabled for a long while), and so are their events.
 */
@Component
class ExpiredDeliveryHistory implements ExpiredRows {

    private final DeliveryRepository repository;

    ExpiredDeliveryHistory(DeliveryRepository repository) {
        this.repository = repository;
    }

    @Override
    public String description() {
        return "deliveries and events";
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        int deliveries = repository.purgeDeliveries(cutoff, limit);
        return deliveries > 0 ? deliveries : repository.purgeEvents(cutoff, limit);
    }
}
