package io.voltmsg.delivery;

import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import io.voltmsg.signing.SigningRequest;
import io.voltmsg.signing.SigningService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries and sends them. One loop thread claims; sends are asynchronous and
 * bounded by {@code max-in-flight}. Shutdown stops claiming, waits for in-flight requests and
 * hands back what was claimed but not sent.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryRepository repository;
    private final Endpoints endpoints;
    private final SigningService signing;
    private final WebhookHttpClient http;
    private final DeliveryProperties properties;
    private final RetrySchedule retries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Semaphore inFlight;
    private final Set<String> claimedNotFinished = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Thread loop;

    Dispatcher(DeliveryRepository repository, Endpoints endpoints, SigningService signing, WebhookHttpClient http,
               DeliveryProperties properties, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.signing = signing;
        this.http = http;
        this.properties = properties;
        this.retries = new RetrySchedule(properties.retrySchedule());
        this.transactions = transactions;
        this.clock = clock;
        this.inFlight = new Semaphore(properties.maxInFlight());
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
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long deadline = System.nanoTime() + properties.responseTimeout().plusSeconds(2).toNanos();
        while (inFlight.availablePermits() < properties.maxInFlight() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        List<String> unfinished = new ArrayList<>(claimedNotFinished);
        if (!unfinished.isEmpty()) {
            repository.releaseLeases(unfinished);
            log.info("Released {} claimed deliveries at shutdown", unfinished.size());
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
                LockSupport.parkNanos(properties.pollInterval().toNanos());
            }
        }
    }

    /** Claims and starts sending one batch; returns how many were claimed. */
    int pollOnce() {
        int room = Math.min(properties.batchSize(), inFlight.availablePermits());
        if (room == 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            return 0;
        }
        Instant now = Times.now(clock);
        List<String> ids = transactions.execute(status -> repository.claimDue(now, now.plus(properties.lease()), room));
        if (ids == null || ids.isEmpty()) {
            return 0;
        }
        claimedNotFinished.addAll(ids);
        for (PendingDelivery delivery : repository.load(ids)) {
            inFlight.acquireUninterruptibly();
            try {
                send(delivery);
            } catch (RuntimeException e) {
                inFlight.release();
                claimedNotFinished.remove(delivery.id());
                log.warn("Could not start delivery {}: {}", delivery.id(), e.toString());
            }
        }
        return ids.size();
    }

    private void send(PendingDelivery delivery) {
        Optional<Endpoint> endpoint = endpoints.find(delivery.endpointId());
        if (endpoint.isEmpty()) {
            finish(delivery, "CANCELLED", delivery.attempts(), Times.now(clock));
            return;
        }
        if (!endpoint.get().enabled()) {
            // A disabled endpoint's deliveries wait; enabling it makes them due again.
            finish(delivery, DeliveryRepository.PENDING, delivery.attempts(), Times.now(clock).plus(Duration.ofMinutes(1)));
            return;
        }
        Instant attemptedAt = Times.now(clock);
        Map<String, String> headers = signing.headersFor(new SigningRequest(delivery.eventId(), delivery.body(),
                delivery.signature(), endpoint.get().signingSecrets(), attemptedAt));
        http.post(endpoint.get().url(), headers, delivery.body(), properties.responseTimeout())
                .thenAccept(outcome -> record(delivery, attemptedAt, outcome))
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        log.error("Recording the outcome of delivery {} failed; its lease will expire and it will be retried",
                                delivery.id(), error);
                    }
                    claimedNotFinished.remove(delivery.id());
                    inFlight.release();
                });
    }

    private void finish(PendingDelivery delivery, String status, int attempts, Instant nextAttemptAt) {
        repository.finishAttempt(delivery.id(), status, attempts, nextAttemptAt, Times.now(clock));
        claimedNotFinished.remove(delivery.id());
        inFlight.release();
    }

    private void record(PendingDelivery delivery, Instant attemptedAt, SendOutcome outcome) {
        int attempts = delivery.attempts() + 1;
        Instant now = Times.now(clock);
        String status;
        Instant next = now;
        if (outcome.isSuccess()) {
            status = DeliveryRepository.DELIVERED;
        } else {
            Optional<Duration> delay = retries.delayAfter(attempts, ThreadLocalRandom.current().nextDouble(-1, 1));
            status = delay.isPresent() ? DeliveryRepository.PENDING : DeliveryRepository.FAILED;
            next = delay.map(now::plus).orElse(now);
            log.warn("delivery attempt failed: delivery={} event={} endpoint={} attempt={} reason=\"{}\" duration_ms={} next={}",
                    delivery.id(), delivery.eventId(), delivery.endpointId(), attempts, outcome.reason(),
                    outcome.durationMillis(), delay.isPresent() ? Times.iso(next) : "none (FAILED)");
        }
        String finalStatus = status;
        Instant finalNext = next;
        transactions.executeWithoutResult(tx -> {
            repository.insertAttempt(Ids.newId("att", attemptedAt), delivery.id(), attemptedAt, outcome);
            repository.finishAttempt(delivery.id(), finalStatus, attempts, finalNext, now);
        });
    }
}
