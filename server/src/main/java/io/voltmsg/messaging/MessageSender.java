package io.voltmsg.messaging;

import io.voltmsg.carrier.CarrierGateway;
import io.voltmsg.carrier.CarrierUnavailableException;
import io.voltmsg.carrier.OutboundSms;
import io.voltmsg.carrier.SubmitOutcome;
import io.voltmsg.shared.DatabaseFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Submits queued messages to the carrier. One loop thread claims due messages (queued → sending, with a lease,
 * {@code FOR UPDATE SKIP LOCKED}, so any number of instances share the queue) while the link is bound, and hands
 * them to the asynchronous {@link CarrierGateway}; at most {@code max-in-flight} wait for an answer. Answers are
 * recorded on a small pool, never on the carrier's threads.
 *
 * <p>At-least-once window: a submit whose answer never came (the link dropped, or this instance died before
 * recording it) is submitted again after the next bind, or after its lease ran out. A message whose acceptance
 * was recorded ({@code sent}) is never claimed again.
 *
 * <p>The same loop runs the sweeps: receipts overdue after {@code receipt-timeout}, messages past their
 * {@code validity}, and kept receipts whose submit has been recorded since (left by a crash between two commits).
 */
@Component
class MessageSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    /** Time left, after the carrier's answer, to record it before the claim runs out. */
    static final Duration RECORDING_MARGIN = Duration.ofSeconds(5);

    private final SubmitResults submits;
    private final Sweeps sweeps;
    private final Receipts receipts;
    private final CarrierGateway gateway;
    private final MessagingProperties properties;
    private final Wakeup wakeup;
    private final Semaphore inFlight;
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread loop;
    private ExecutorService outcomes;
    private long nextSweepNanos;
    private int sweepRounds;

    MessageSender(SubmitResults submits, Sweeps sweeps, Receipts receipts, CarrierGateway gateway,
                  MessagingProperties properties, Wakeup wakeup) {
        this.submits = submits;
        this.sweeps = sweeps;
        this.receipts = receipts;
        this.gateway = gateway;
        this.properties = properties;
        this.wakeup = wakeup;
        this.inFlight = new Semaphore(properties.maxInFlight());
        if (!submitDeadline(Instant.EPOCH.plus(properties.lease()), gateway.answerTimeout()).isAfter(Instant.EPOCH)) {
            throw new IllegalArgumentException("voltmsg.messaging.lease (" + properties.lease() + ") must be longer than "
                    + "the carrier's answer timeout (voltmsg.carrier.smpp.response-timeout, " + gateway.answerTimeout()
                    + ") plus " + RECORDING_MARGIN.toSeconds() + " s to record the answer");
        }
    }

    @Override
    public void start() {
        running = true;
        // One thread per answer that may be waiting: they spend their time waiting for the group commit that
        // records their answer, and the more wait at once, the fewer commits.
        outcomes = Executors.newFixedThreadPool(Math.min(properties.maxInFlight(), MessageService.GROUP_LIMIT), r -> {
            Thread t = new Thread(r, "messaging-outcome");
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "messaging-sender");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeup.wake();
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Answers still to come are recorded while the link (stopped after us) is up; what remains keeps its
        // lease and is submitted again by whichever instance claims it once the lease ran out.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        outcomes.shutdown();
        try {
            outcomes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outstanding.get() > 0) {
            log.info("{} submits unanswered at shutdown; they are submitted again after their lease", outstanding.get());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the carrier link and stops before it, so answers to in-flight submits can still be recorded. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 900; // SmppClient.PHASE is MAX_VALUE - 1000 (not a public constant of the port)
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                sweepWhenDue();
                if (gateway.isBound()) {
                    claimed = submitBatch();
                }
            } catch (RuntimeException e) {
                log.warn("Submitting queued messages failed; will retry: {}", e.toString());
                LockSupport.parkNanos(properties.pollInterval().toNanos());
            }
            if (claimed < properties.batchSize() && running) {
                wakeup.await(properties.pollInterval());
            }
        }
    }

    private void sweepWhenDue() {
        long now = System.nanoTime();
        if (now - nextSweepNanos < 0) {
            return;
        }
        nextSweepNanos = now + properties.pollInterval().toNanos();
        while (sweeps.sweep() > 0 && running) {
            // more overdue messages than one round takes
        }
        receipts.applyKnownOrphans();
        if (++sweepRounds % 3600 == 1) {
            receipts.purgeOrphans();
        }
    }

    /** Claims and submits one batch; returns how many were claimed. */
    private int submitBatch() {
        int room = Math.min(properties.batchSize(), inFlight.availablePermits());
        if (room == 0) {
            wakeup.await(Duration.ofMillis(5));
            return 0;
        }
        SubmitResults.Claim claim = submits.claim(room);
        Instant submitBy = submitDeadline(claim.leaseUntil(), gateway.answerTimeout());
        for (Message m : claim.messages()) {
            inFlight.acquireUninterruptibly();
            outstanding.incrementAndGet();
            gateway.submit(new OutboundSms(m.id(), m.fromNumber(), m.toNumber(), m.body(), submitBy))
                    .whenCompleteAsync((outcome, error) -> {
                        try {
                            record(m.id(), claim.leaseUntil(), outcome, error);
                        } finally {
                            outstanding.decrementAndGet();
                            inFlight.release();
                            wakeup.wake();
                        }
                    }, outcomes);
        }
        return claim.messages().size();
    }

    /**
     * The last moment a claimed message may go out: its answer (at most {@code answerTimeout} later) must be recorded
     * while the claim still holds, or another claim may submit it again after its acceptance was recorded.
     */
    static Instant submitDeadline(Instant leaseUntil, Duration answerTimeout) {
        return leaseUntil.minus(answerTimeout).minus(RECORDING_MARGIN);
    }

    /**
     * Records the carrier's answer. While the database is unavailable it tries again (every second at most) until it
     * succeeds, the claim runs out or the sender stops: an answer recorded late is better than a message submitted
     * twice.
     */
    private void record(String messageId, Instant claimedUntil, SubmitOutcome outcome, Throwable error) {
        for (int attempt = 1; ; attempt++) {
            try {
                recordOnce(messageId, claimedUntil, outcome, error);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e) || !running || !Instant.now().isBefore(claimedUntil)) {
                    log.error("Recording the carrier's answer for {} failed; it is submitted again after its lease",
                            messageId, e);
                    return;
                }
                if (attempt == 1) {
                    log.warn("Recording the carrier's answer for {} failed, database unavailable; trying again until {}",
                            messageId, claimedUntil);
                }
                LockSupport.parkNanos(Math.min(attempt, 10) * 100_000_000L);
            }
        }
    }

    private void recordOnce(String messageId, Instant claimedUntil, SubmitOutcome outcome, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (!(cause instanceof CarrierUnavailableException)) {
                log.warn("Submit of {} failed unexpectedly; queued again: {}", messageId, cause.toString());
            }
            submits.linkLost(messageId, claimedUntil);
        } else if (outcome instanceof SubmitOutcome.Accepted accepted) {
            submits.accepted(messageId, claimedUntil, accepted);
        } else if (outcome instanceof SubmitOutcome.Refused refused) {
            submits.refused(messageId, claimedUntil, refused);
        }
    }
}
