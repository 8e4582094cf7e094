package io.voltmsg.delivery;

import io.voltmsg.shared.DatabaseFailures;
import io.voltmsg.shared.GroupCommit;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes attempt outcomes in batches on one thread: many attempts finish at once under load,
 * and one transaction for all of them costs far less than one each. Endpoint health and
 * disabling run here too, never on the HTTP client's I/O threads.
 */
final class OutcomeWriter {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);
    private static final int MAX_BATCH = 500;

    /** An outcome to write, with what follows from it for the endpoint. */
    record Item(DeliveryRepository.Outcome outcome, Boolean succeeded, String failureReason, String disableReason) {
    }

    private final DeliveryRepository repository;
    private final EndpointHealth health;
    private final GroupCommit commits;
    private final Clock clock;
    private final Duration retryFor;
    private final Consumer<List<Item>> written;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param retryFor how long a batch is tried again while the database is unavailable (less than the deliveries'
     *                 lease, after which they are claimed and sent again anyway)
     */
    OutcomeWriter(DeliveryRepository repository, EndpointHealth health, GroupCommit commits, Clock clock,
                  Duration retryFor, Consumer<List<Item>> written) {
        this.repository = repository;
        this.health = health;
        this.commits = commits;
        this.clock = clock;
        this.retryFor = retryFor;
        this.written = written;
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "delivery-outcomes");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(Item item) {
        queue.add(item);
    }

    /**
     * Writes what is queued, then stops. The thread is not interrupted: an interrupt during
     * JDBC I/O can close an embedded database's file channel.
     */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (!queue.isEmpty()) {
            drainOnce();
        }
    }

    private void run() {
        while (running) {
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Item> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Writing delivery outcomes failed", e);
            }
        }
    }

    private void drainOnce() {
        List<Item> batch = new ArrayList<>();
        queue.drainTo(batch, MAX_BATCH);
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<Item> batch) {
        long started = System.nanoTime();
        long giveUp = started + retryFor.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                commits.run(() -> repository.write(batch.stream().map(Item::outcome).toList(), Times.now(clock)));
                break;
            } catch (RuntimeException e) {
                if (DatabaseFailures.isUnavailable(e) && running && System.nanoTime() - giveUp < 0) {
                    // Recorded late rather than sent again: wait for the database (while the leases hold).
                    if (attempt == 1) {
                        log.warn("Recording {} delivery outcomes failed, database unavailable; trying again", batch.size());
                    }
                    LockSupport.parkNanos(Math.min(attempt, 10) * 100_000_000L);
                    continue;
                }
                // The deliveries stay leased; when the lease runs out they are claimed and sent again.
                log.error("Recording {} delivery outcomes failed; they will be retried when their lease expires",
                        batch.size(), e);
                break;
            }
        }
        for (Item item : batch) {
            try {
                String endpointId = item.outcome().endpointId();
                if (item.disableReason() != null) {
                    health.disable(endpointId, item.disableReason());
                }
                if (Boolean.TRUE.equals(item.succeeded())) {
                    health.succeeded(endpointId, item.outcome().attemptedAt());
                } else if (Boolean.FALSE.equals(item.succeeded())) {
                    health.failed(endpointId, item.outcome().attemptedAt(), item.failureReason());
                }
            } catch (RuntimeException e) {
                log.warn("Updating the health of endpoint {} failed: {}", item.outcome().endpointId(), e.toString());
            }
        }
        log.debug("wrote {} outcomes in {} ms", batch.size(), (System.nanoTime() - started) / 1_000_000);
        written.accept(batch);
    }
}
