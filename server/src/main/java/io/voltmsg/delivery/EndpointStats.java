package io.voltmsg.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A webhook's last 24 hours: deliveries created per hour by outcome, oldest hour first, the share that
 * succeeded, and the outcome of the newest delivery that was attempted.
 *
 * @param successRate delivered ÷ (delivered + failed + retrying) over the 24 hours; null without any of them
 */
public record EndpointStats(List<Hour> hours, long delivered, long failed, long retrying, long waiting, long skipped,
                            Double successRate, DeliveryAttemptView lastAttempt) {

    /** One hour's deliveries by what became of them so far. */
    public record Hour(Instant start, long delivered, long failed, long retrying, long waiting, long skipped) {
    }
}
