package io.voltmsg.delivery;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code delivery} in {@code /actuator/health}: down when the dispatcher is not running (it
 * stops only at shutdown), with the pending count and the oldest pending age as details.
 */
@Component("delivery")
class DeliveryHealth implements HealthIndicator {

    private final Dispatcher dispatcher;
    private final DeliveryMetrics metrics;

    DeliveryHealth(Dispatcher dispatcher, DeliveryMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        Health.Builder health = dispatcher.isRunning() ? Health.up() : Health.down();
        return health.withDetail("pending", metrics.pendingCount())
                .withDetail("oldestPendingAgeSeconds", metrics.oldestPendingAgeSeconds())
                .build();
    }
}
