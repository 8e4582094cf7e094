package io.voltmsg.delivery;

import io.voltmsg.shared.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tracks since when each endpoint has been failing (no success in between) in the database, so
 * every instance sees the same history, and disables an endpoint that has failed for
 * {@code voltmsg.delivery.disable-after}. The check runs when a failed attempt is recorded.
 * What this instance last wrote is remembered for a short while so that a steady stream of
 * successes (or failures) does not write the same row over and over.
 */
@Component
class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);
    /** How long a remembered state saves writes; short, so other instances' writes are seen. */
    private static final long REMEMBER_NANOS = Duration.ofSeconds(10).toNanos();

    private record Known(Instant failingSince, long atNanos) {
    }

    private final DeliveryRepository repository;
    private final Endpoints endpoints;
    private final EndpointCache cache;
    private final Duration disableAfter;
    private final Set<String> rowsMade = ConcurrentHashMap.newKeySet();
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    EndpointHealth(DeliveryRepository repository, Endpoints endpoints, EndpointCache cache, DeliveryProperties properties) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.cache = cache;
        this.disableAfter = properties.disableAfter();
    }

    void succeeded(String endpointId, Instant at) {
        Known k = known.get(endpointId);
        if (k != null && k.failingSince() == null && System.nanoTime() - k.atNanos() < REMEMBER_NANOS) {
            return;
        }
        ensureRow(endpointId);
        repository.markHealthy(endpointId, at);
        known.put(endpointId, new Known(null, System.nanoTime()));
    }

    /** Records a failure; disables the endpoint when it has failed long enough. */
    void failed(String endpointId, Instant at, String lastReason) {
        Known k = known.get(endpointId);
        Instant failingSince;
        boolean remembered = k != null && k.failingSince() != null && System.nanoTime() - k.atNanos() < REMEMBER_NANOS;
        if (remembered) {
            failingSince = k.failingSince();
        } else {
            ensureRow(endpointId);
            failingSince = repository.markFailing(endpointId, at);
            known.put(endpointId, new Known(failingSince, System.nanoTime()));
        }
        if (!disableAt(failingSince, disableAfter).isAfter(at) && remembered) {
            // Remembered, not read: another instance may have seen a success since. Read again before acting.
            failingSince = repository.markFailing(endpointId, at);
            known.put(endpointId, new Known(failingSince, System.nanoTime()));
        }
        if (!disableAt(failingSince, disableAfter).isAfter(at)) {
            disable(endpointId, "disabled automatically: every attempt failed for " + human(disableAfter)
                    + " (failing since " + Times.iso(failingSince) + ", last error: " + lastReason + ")");
        }
    }

    /**
     * When an endpoint failing since {@code failingSince} is disabled: at its first failed attempt from
     * this instant on (null when it is not failing). The one rule both disabling and the portal's warning use.
     */
    static Instant disableAt(Instant failingSince, Duration disableAfter) {
        return failingSince == null ? null : failingSince.plus(disableAfter);
    }

    /** Disables an endpoint at once (HTTP 410 Gone, or failing too long). */
    void disable(String endpointId, String reason) {
        if (endpoints.disable(endpointId, reason)) {
            log.warn("endpoint disabled: endpoint={} reason=\"{}\"", endpointId, reason);
        }
        cache.invalidate(endpointId);
    }

    /** Forgets an endpoint's failures (it was enabled by hand: it gets a fresh period). */
    void reset(String endpointId) {
        repository.resetHealth(endpointId);
        known.remove(endpointId);
    }

    private void ensureRow(String endpointId) {
        if (!rowsMade.contains(endpointId)) {
            repository.ensureHealthRow(endpointId);
            rowsMade.add(endpointId);
        }
    }

    /** 5 days, 36 hours, 90 seconds: how people say a duration. */
    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
