package io.voltmsg.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivery metrics for {@code /actuator/prometheus}: attempts by outcome, attempt duration and
 * event-to-delivery latency histograms, and gauges for pending deliveries, the age of the
 * oldest one and disabled endpoints. The gauges are refreshed by a query every few seconds,
 * not at every scrape.
 */
@Component
class DeliveryMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    private final MeterRegistry registry;
    private final DeliveryRepository repository;
    private final Endpoints endpoints;
    private final Clock clock;
    private final Timer attemptDuration;
    private final Timer latency;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    private final AtomicLong disabledEndpoints = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry, DeliveryRepository repository, Endpoints endpoints, Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.endpoints = endpoints;
        this.clock = clock;
        this.attemptDuration = Timer.builder("voltmsg.delivery.attempt.duration")
                .description("Duration of webhook HTTP attempts")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(20))
                .register(registry);
        this.latency = Timer.builder("voltmsg.delivery.latency")
                .description("From event creation to its successful delivery")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        Gauge.builder("voltmsg.delivery.pending", pending, AtomicLong::get)
                .description("Deliveries waiting to be delivered").register(registry);
        Gauge.builder("voltmsg.delivery.oldest.pending.age", oldestPendingAgeMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest pending delivery").baseUnit("seconds").register(registry);
        Gauge.builder("voltmsg.webhooks.disabled", disabledEndpoints, AtomicLong::get)
                .description("Disabled webhook endpoints").register(registry);
    }

    long pendingCount() {
        return pending.get();
    }

    long oldestPendingAgeSeconds() {
        return oldestPendingAgeMillis.get() / 1000;
    }

    void attempt(SendOutcome outcome) {
        attempts.computeIfAbsent(outcomeName(outcome), name -> Counter.builder("voltmsg.delivery.attempts")
                .description("Webhook delivery attempts by outcome").tag("outcome", name).register(registry))
                .increment();
        attemptDuration.record(Duration.ofMillis(outcome.durationMillis()));
    }

    void delivered(Instant eventCreatedAt, Instant now) {
        latency.record(Duration.between(eventCreatedAt, now).isNegative() ? Duration.ZERO : Duration.between(eventCreatedAt, now));
    }

    /** {@code success}, {@code http_4xx}, {@code http_5xx}, {@code timeout}, {@code connection_refused}, ... */
    static String outcomeName(SendOutcome outcome) {
        if (outcome.isSuccess()) {
            return "success";
        }
        if (outcome.statusCode() != null) {
            return outcome.statusCode() == 429 || outcome.statusCode() == 410 ? "http_" + outcome.statusCode()
                    : "http_" + (outcome.statusCode() / 100) + "xx";
        }
        return outcome.failure() == null ? "error" : outcome.failure().replace(' ', '_');
    }

    @Scheduled(fixedDelayString = "${voltmsg.delivery.metrics-refresh-millis:10000}", initialDelay = 1000)
    void refresh() {
        try {
            DeliveryRepository.PendingStats stats = repository.pendingStats();
            pending.set(stats.count());
            oldestPendingAgeMillis.set(stats.oldestCreatedAt() == null ? 0
                    : Math.max(0, Duration.between(stats.oldestCreatedAt(), Times.now(clock)).toMillis()));
            disabledEndpoints.set(endpoints.countDisabled());
        } catch (RuntimeException e) {
            log.debug("Refreshing delivery gauges failed: {}", e.toString());
        }
    }
}
