package io.voltmsg.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How events are delivered. */
@ConfigurationProperties("voltmsg.delivery")
public record DeliveryProperties(
        /* Longest wait for a TCP (and TLS) connection to an endpoint. */
        @DefaultValue("5s") Duration connectTimeout,
        /* Longest wait for an endpoint's response once connected. */
        @DefaultValue("15s") Duration responseTimeout,
        /* Delays before each retry after a failed attempt (±20% jitter); after the last one the delivery is FAILED. */
        @DefaultValue("5s,5m,30m,2h,5h,10h,14h,20h,24h") List<Duration> retrySchedule,
        /* How often each instance looks for due deliveries. */
        @DefaultValue("200ms") Duration pollInterval,
        /* Most deliveries one instance claims at once. */
        @DefaultValue("200") int batchSize,
        /* How long a claimed delivery stays reserved for its instance; after that another may take it over. */
        @DefaultValue("60s") Duration lease,
        /* Most requests one instance has in flight at once. */
        @DefaultValue("256") int maxInFlight,
        /* Most requests one instance has in flight to one endpoint at once. */
        @DefaultValue("10") int maxPerEndpoint,
        /* An endpoint whose attempts have failed, with no success, for this long is disabled. */
        @DefaultValue("5d") Duration disableAfter,
        /* How long an instance reuses what it read about an endpoint (URL, enabled, secrets). */
        @DefaultValue("5s") Duration endpointCacheTtl) {

    public DeliveryProperties {
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("voltmsg.delivery.retry-schedule needs at least one delay");
        }
        if (retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("voltmsg.delivery.retry-schedule delays must be positive");
        }
        if (batchSize < 1 || maxInFlight < 1 || maxPerEndpoint < 1) {
            throw new IllegalArgumentException(
                    "voltmsg.delivery.batch-size, max-in-flight and max-per-endpoint must be at least 1");
        }
        if (disableAfter.isNegative() || disableAfter.isZero() || endpointCacheTtl.isNegative()) {
            throw new IllegalArgumentException(
                    "voltmsg.delivery.disable-after must be positive and endpoint-cache-ttl not negative");
        }
        Duration budget = attemptBudget(connectTimeout, responseTimeout);
        if (lease.compareTo(budget) <= 0) {
            throw new IllegalArgumentException("voltmsg.delivery.lease (" + lease + ") must be longer than connect-timeout"
                    + " + response-timeout + 5s (" + budget + "), or no claimed delivery could ever be sent");
        }
    }

    /** The lease time one attempt needs: connecting, waiting for the answer, and 5 s to record the outcome. */
    public Duration attemptBudget() {
        return attemptBudget(connectTimeout, responseTimeout);
    }

    private static Duration attemptBudget(Duration connectTimeout, Duration responseTimeout) {
        return connectTimeout.plus(responseTimeout).plusSeconds(5);
    }
}
