package io.voltmsg.delivery;

import io.voltmsg.shared.GroupCommit;
import io.voltmsg.shared.GroupCommits;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import io.voltmsg.signing.SigningRequest;
import io.voltmsg.signing.SigningService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims due deliveries and sends them. One loop thread claims batches (with a lease, so
 * instances sharing a database never send the same delivery at once, and a dead instance's
 * work is taken over when its leases run out); sends are asynchronous, bounded by
 * {@code max-in-flight} overall and {@code max-per-endpoint} per endpoint; outcomes are
 * written in batches by the {@link OutcomeWriter}. Shutdown stops claiming, lets requests in
 * flight finish and be recorded, and hands back what was claimed but not sent.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How long a disabled endpoint's due deliveries are put aside before looking again (enabling resumes them at once). */
    static final Duration DISABLED_RECHECK = Duration.ofMinutes(5);

    private final DeliveryRepository repository;
    private final EndpointCache endpoints;
    private final SigningService signing;
    private final WebhookHttpClient http;
    private final DeliveryProperties properties;
    private final RetrySchedule retries;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Semaphore inFlight;
    private final OutcomeWriter writer;
    private final GroupCommit commits;
    private final Set<String> claimedNotFinished = ConcurrentHashMap.newKeySet();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread loop;

    /** A claimed delivery on its way out. */
    private record Job(PendingDelivery delivery, Endpoint endpoint, long claimedAtNanos) {
    }

    /** Requests in flight to one endpoint, and the claimed ones waiting for a free slot. */
    private static final class Lane {
        int active;
        final ArrayDeque<Job> waiting = new ArrayDeque<>();
        /** Moving average of this endpoint's request time, to size how much work may wait here. */
        double averageMillis = 100;
    }

    Dispatcher(DeliveryRepository repository, EndpointCache endpoints, EndpointHealth health, SigningService signing,
               WebhookHttpClient http, DeliveryProperties properties,
               DeliveryMetrics metrics, GroupCommits groupCommits, Clock clock) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.signing = signing;
        this.http = http;
        this.properties = properties;
        this.retries = new RetrySchedule(properties.retrySchedule());
        this.metrics = metrics;
        this.clock = clock;
        this.inFlight = new Semaphore(properties.maxInFlight());
        // Claims and outcomes share one group-commit writer: under load a claim and the outcomes written meanwhile
        // are committed together.
        this.commits = groupCommits.writer("deliveries", 64);
        this.writer = new OutcomeWriter(repository, health, commits, clock, properties.lease().dividedBy(2),
                this::written);
    }

    /** Asks the loop to look for due deliveries now rather than at its next tick. */
    void wakeUp() {
        Thread thread = loop;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void start() {
        running = true;
        writer.start();
        loop = new Thread(this::run, "delivery-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = loop;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Requests in flight finish (bounded by their timeouts); waiting ones are not started.
        long deadline = System.nanoTime() + properties.responseTimeout().plus(properties.connectTimeout()).plusSeconds(2).toNanos();
        while (inFlight.availablePermits() < properties.maxInFlight() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        writer.stop();
        List<String> unfinished = new ArrayList<>(claimedNotFinished);
        if (!unfinished.isEmpty()) {
            try {
                repository.releaseLeases(unfinished);
                log.info("Released {} claimed deliveries at shutdown", unfinished.size());
            } catch (RuntimeException e) {
                log.warn("Could not release {} leases at shutdown; they expire on their own: {}", unfinished.size(),
                        e.toString());
            }
            claimedNotFinished.removeAll(unfinished);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops first (higher phase): no new attempts while the web server drains and the carrier
     * link unbinds, so a stopping instance leaves pending deliveries to the next one.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = pollOnce();
            } catch (RuntimeException e) {
                log.warn("Claiming deliveries failed; will retry: {}", e.toString());
            }
            if (claimed < properties.batchSize() && running) {
                // Publishing an event and recording outcomes wake the loop early.
                LockSupport.parkNanos(properties.pollInterval().toNanos());
            }
        }
    }

    /** Claims and starts sending one batch; returns how many were claimed. */
    int pollOnce() {
        int room = Math.min(properties.batchSize(), inFlight.availablePermits());
        if (room == 0) {
            return 0; // finishing requests wake the loop
        }
        Instant now = Times.now(clock);
        Set<String> saturated = saturatedEndpoints();
        long started = System.nanoTime();
        List<String> ids = commits.execute(() -> repository.claimDue(now, now.plus(properties.lease()), room, saturated));
        log.debug("claimed {} of {} wanted in {} ms; saturated endpoints {}", ids == null ? 0 : ids.size(), room,
                (System.nanoTime() - started) / 1_000_000, saturated);
        if (ids == null || ids.isEmpty()) {
            return 0;
        }
        long claimedAt = System.nanoTime();
        claimedNotFinished.addAll(ids);
        List<PendingDelivery> deliveries = repository.load(ids);
        Set<String> endpointIds = new LinkedHashSet<>();
        deliveries.forEach(d -> endpointIds.add(d.endpointId()));
        Map<String, Endpoint> found = endpoints.get(endpointIds);
        Set<String> disabled = new HashSet<>();
        found.values().forEach(e -> {
            if (!e.enabled()) {
                disabled.add(e.id());
            }
        });
        if (!disabled.isEmpty()) {
            found = new java.util.HashMap<>(found);
            found.putAll(endpoints.load(disabled)); // read again before putting deliveries aside
        }
        for (PendingDelivery delivery : deliveries) {
            Endpoint endpoint = found.get(delivery.endpointId());
            if (endpoint == null) {
                // Deleted since the delivery was created.
                writer.submit(decisionOnly(delivery, DeliveryRepository.CANCELLED, now));
            } else if (!endpoint.enabled()) {
                // A disabled endpoint's deliveries wait; enabling it makes them due again at once.
                writer.submit(decisionOnly(delivery, DeliveryRepository.PENDING, now.plus(DISABLED_RECHECK)));
            } else {
                inFlight.acquireUninterruptibly();
                submit(new Job(delivery, endpoint, claimedAt));
            }
        }
        return ids.size();
    }

    /**
     * Endpoints with enough claimed work waiting here; the next claim leaves theirs to other
     * instances. A fast endpoint may have a batch or more waiting, so that it never runs dry while
     * the next claim is under way; a slow one only as much as it can take within a quarter of a
     * lease, so that waiting deliveries are not held past their lease.
     */
    private Set<String> saturatedEndpoints() {
        Set<String> saturated = new HashSet<>();
        int perEndpoint = properties.maxPerEndpoint();
        int floor = perEndpoint * 2;
        int ceiling = Math.max(floor, properties.batchSize() * 2);
        double quarterLeaseMillis = properties.lease().toMillis() / 4.0;
        lanes.forEach((id, lane) -> {
            synchronized (lane) {
                double affordable = perEndpoint * quarterLeaseMillis / Math.max(1, lane.averageMillis);
                int limit = (int) Math.max(floor, Math.min(ceiling, affordable));
                if (lane.active + lane.waiting.size() >= limit) {
                    saturated.add(id);
                }
            }
        });
        return saturated;
    }

    private void submit(Job job) {
        Lane lane = lanes.computeIfAbsent(job.endpoint().id(), id -> new Lane());
        boolean start;
        synchronized (lane) {
            start = lane.active < properties.maxPerEndpoint();
            if (start) {
                lane.active++;
            } else {
                lane.waiting.add(job);
            }
        }
        if (start) {
            send(job, lane);
        }
    }

    /** Called when a request to the lane's endpoint finished: the next waiting one takes its slot. */
    private void done(Lane lane, long tookMillis) {
        synchronized (lane) {
            lane.averageMillis = lane.averageMillis * 0.9 + tookMillis * 0.1;
        }
        done(lane);
    }

    private void done(Lane lane) {
        Job next;
        synchronized (lane) {
            next = lane.waiting.poll();
            if (next == null) {
                lane.active--;
            }
        }
        if (next != null) {
            send(next, lane);
        }
    }

    private void send(Job job, Lane lane) {
        PendingDelivery delivery = job.delivery();
        long leaseLeftNanos = properties.lease().toNanos() - (System.nanoTime() - job.claimedAtNanos());
        long neededNanos = properties.attemptBudget().toNanos();
        if (!running || leaseLeftNanos < neededNanos) {
            // Shutting down, or waited so long its lease could run out mid-request: give it back unsent.
            if (running) {
                writer.submit(decisionOnly(delivery, DeliveryRepository.PENDING, Times.now(clock)));
            }
            inFlight.release();
            done(lane);
            return;
        }
        Endpoint endpoint = job.endpoint();
        try {
            Instant attemptedAt = Times.now(clock);
            Map<String, String> headers = signing.headersFor(new SigningRequest(delivery.eventId(), delivery.body(),
                    delivery.signature(), endpoint.signingSecrets(), attemptedAt));
            http.post(endpoint.url(), headers, delivery.body(), properties.responseTimeout())
                    .whenComplete((outcome, error) -> {
                        try {
                            record(delivery, attemptedAt, error == null ? outcome
                                    : SendOutcome.failed("internal error", 0));
                        } catch (RuntimeException e) {
                            log.error("Recording the outcome of delivery {} failed; its lease will expire and it will be retried",
                                    delivery.id(), e);
                        } finally {
                            inFlight.release();
                            done(lane, outcome == null ? 0 : outcome.durationMillis());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("Could not start delivery {}; it is retried when its lease expires: {}", delivery.id(), e.toString());
            inFlight.release();
            done(lane);
        }
    }

    private void record(PendingDelivery delivery, Instant attemptedAt, SendOutcome outcome) {
        int attempts = delivery.attempts() + 1;
        Instant now = Times.now(clock);
        RetrySchedule.Decision decision = retries.decide(attempts, outcome, now,
                ThreadLocalRandom.current().nextDouble(-1, 1));
        metrics.attempt(outcome);
        if (outcome.isSuccess()) {
            metrics.delivered(delivery.eventCreatedAt(), now);
        } else {
            log.warn("delivery attempt failed: delivery={} event={} endpoint={} attempt={} reason=\"{}\" duration_ms={} next={}{}",
                    delivery.id(), delivery.eventId(), delivery.endpointId(), attempts, outcome.reason(),
                    outcome.durationMillis(),
                    DeliveryRepository.PENDING.equals(decision.status()) ? Times.iso(decision.nextAttemptAt()) : "none",
                    DeliveryRepository.FAILED.equals(decision.status()) ? " status=FAILED" : "");
        }
        writer.submit(new OutcomeWriter.Item(new DeliveryRepository.Outcome(delivery.id(), delivery.endpointId(),
                decision.status(), attempts, decision.nextAttemptAt(), Ids.newId("att", attemptedAt), attemptedAt, outcome),
                outcome.isSuccess(), outcome.reason(), decision.disableReason()));
    }

    private static OutcomeWriter.Item decisionOnly(PendingDelivery delivery, String status, Instant next) {
        return new OutcomeWriter.Item(new DeliveryRepository.Outcome(delivery.id(), delivery.endpointId(), status,
                delivery.attempts(), next, null, null, null), null, null, null);
    }

    /** Outcomes are in the database: the deliveries are no longer ours, and followers may be due. */
    private void written(List<OutcomeWriter.Item> items) {
        for (OutcomeWriter.Item item : items) {
            claimedNotFinished.remove(item.outcome().deliveryId());
        }
        wakeUp();
    }
}
