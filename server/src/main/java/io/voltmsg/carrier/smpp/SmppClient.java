package io.voltmsg.carrier.smpp;

import io.voltmsg.carrier.CarrierGateway;
import io.voltmsg.carrier.CarrierListener;
import io.voltmsg.carrier.CarrierUnavailableException;
import io.voltmsg.carrier.OutboundSms;
import io.voltmsg.carrier.SubmitOutcome;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The SMPP 3.4 client: one transceiver session to the carrier, kept bound (enquire_link keep-alive,
 * reconnect with exponential backoff), unbound on shutdown.
 *
 * <p>jsmpp's submit is blocking (it waits for submit_sm_resp), so submits run on a pool of exactly
 * {@code window} threads, each taking a {@link SubmitWindow} slot and a {@link TokenBucket} token per PDU:
 * never more than {@code window} PDUs await their response, never more than {@code throughput} PDUs/s.
 *
 * <p>A missing submit_sm_resp (response timeout) is treated as a broken link: the session is closed and
 * re-bound, so the caller's "submit again after the next bind" rule applies.
 */
public final class SmppClient implements CarrierGateway, SmartLifecycle {

    /** Starts after the embedded simulator (lower phase) and stops before it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1000;
    /** Threads handling PDUs from the carrier, deliver_sm above all: beyond a carrier's usual window of 10. */
    static final int INBOUND_THREADS = 16;
    private static final long UNBIND_TIMEOUT_MILLIS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(SmppClient.class);

    private final SmppProperties props;
    private final Supplier<InetSocketAddress> endpoint;
    private final InboundHandler inbound;
    private final Supplier<CarrierListener> listener;
    private final SubmitWindow window;
    private final TokenBucket throughput;
    private final AtomicInteger concatReference = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final Object linkMonitor = new Object();

    private volatile boolean running;
    private volatile SMPPSession session;
    private volatile SmppMetrics metrics = SmppMetrics.none();
    private boolean boundBefore;
    private Thread connector;
    private ThreadPoolExecutor submitters;
    private ScheduledExecutorService housekeeping;

    /**
     * @param endpoint asked on every (re)connect, so it can follow a simulator that took a free port
     * @param listener the messaging side; may return null while nobody listens (then everything is acked)
     * Concatenated inbound parts are kept in memory: for a link used without a database.
     */
    public SmppClient(SmppProperties props, Supplier<InetSocketAddress> endpoint, Supplier<CarrierListener> listener) {
        this(props, endpoint, listener, new ConcatReassembler(props.reassemblyTimeout()));
    }

    /** @param parts where concatenated inbound parts wait for each other (the server keeps them in its database) */
    public SmppClient(SmppProperties props, Supplier<InetSocketAddress> endpoint, Supplier<CarrierListener> listener,
                      InboundParts parts) {
        this.props = props;
        this.endpoint = endpoint;
        this.listener = listener;
        this.window = new SubmitWindow(props.window());
        this.throughput = new TokenBucket(props.throughput(), System::nanoTime);
        this.inbound = new InboundHandler(listener, parts, Clock.systemUTC());
    }

    /** Records the link's meters in {@code metrics}; call before {@link #start()}. */
    public SmppClient withMetrics(SmppMetrics metrics) {
        this.metrics = metrics;
        metrics.gauges(this);
        return this;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        submitters = new ThreadPoolExecutor(props.window(), props.window(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemon("carrier-submit"));
        housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("carrier-housekeeping"));
        housekeeping.scheduleWithFixedDelay(inbound::deliverExpired, 1, 1, TimeUnit.SECONDS);
        connector = daemon("carrier-connector").newThread(this::keepBound);
        connector.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        signalLinkChange();
        connector.interrupt();
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) {
            // A polite goodbye, but a carrier that never answers the unbind must not hold up shutdown.
            s.setTransactionTimer(UNBIND_TIMEOUT_MILLIS);
            s.unbindAndClose(); // in-flight submits then fail as unavailable
        } else if (s != null) {
            s.close();
        }
        for (Runnable queued : submitters.shutdownNow()) {
            if (queued instanceof SubmitTask task) {
                task.result.completeExceptionally(new CarrierUnavailableException("carrier link shut down"));
            }
        }
        // Not interrupted: housekeeping writes to the database (incomplete inbound messages), and an interrupt
        // during file I/O makes H2 close its store.
        housekeeping.shutdown();
        try {
            connector.join(5_000);
            submitters.awaitTermination(5, TimeUnit.SECONDS);
            housekeeping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    // ---------------------------------------------------------------- the port

    @Override
    public boolean isBound() {
        SMPPSession s = session;
        return running && s != null && s.getSessionState().isBound();
    }

    @Override
    public CompletableFuture<SubmitOutcome> submit(OutboundSms sms) {
        if (!isBound()) {
            return CompletableFuture.failedFuture(new CarrierUnavailableException("carrier link is not bound"));
        }
        List<SmsEncoding.EncodedPart> parts;
        try {
            parts = SmsEncoding.encode(sms.text(), concatReference.getAndIncrement() & 0xFF);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    new SubmitOutcome.Refused(SMPPConstant.STAT_ESME_RINVMSGLEN, e.getMessage()));
        }
        SubmitTask task = new SubmitTask(sms, parts, new CompletableFuture<>());
        try {
            submitters.execute(task);
        } catch (RejectedExecutionException | NullPointerException e) {
            task.result.completeExceptionally(new CarrierUnavailableException("carrier link shut down"));
        }
        return task.result;
    }

    @Override
    public Duration answerTimeout() {
        return props.responseTimeout();
    }

    /** Submit_sm PDUs currently waiting for their response (for metrics and tests). */
    public int inFlight() {
        return window.inFlight();
    }

    // ---------------------------------------------------------------- binding

    private void keepBound() {
        Duration backoff = props.reconnectInitialBackoff();
        while (running) {
            SMPPSession s = null;
            try {
                s = bind();
                session = s;
                if (boundBefore) {
                    metrics.reconnected();
                }
                boundBefore = true;
                backoff = props.reconnectInitialBackoff();
                log.info("SMPP link bound to {} as {}", describe(s), props.systemId());
                housekeeping.execute(this::notifyBound);
                awaitLinkLoss(s);
                if (running) {
                    log.warn("SMPP link lost (state {}); reconnecting", s.getSessionState());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("SMPP bind failed: {}; retrying in {}", e.toString(), backoff);
                if (s != null) {
                    s.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(props.reconnectMaxBackoff()) > 0) {
                backoff = props.reconnectMaxBackoff();
            }
        }
    }

    private SMPPSession bind() throws IOException {
        InetSocketAddress target = endpoint.get();
        SMPPSession s = new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender()), new ValidatingPduReader(),
                SocketConnectionFactory.getInstance());
        s.setEnquireLinkTimer((int) props.enquireLinkInterval().toMillis());
        s.setTransactionTimer(props.responseTimeout().toMillis());
        // deliver_sm PDUs are recorded (group commit) before their response goes out; as many as the carrier sends
        // at once wait together, so they share commits (jsmpp's default is 3 threads).
        s.setPduProcessorDegree(INBOUND_THREADS);
        s.setMessageReceiverListener(metrics.counting(inbound));
        s.addSessionStateListener(this::onStateChange);
        try {
            s.connectAndBind(target.getHostString(), target.getPort(),
                    new BindParameter(BindType.BIND_TRX, props.systemId(), props.password(), props.systemType(),
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    props.responseTimeout().toMillis());
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (!newState.isBound()) {
            signalLinkChange();
        }
    }

    private void awaitLinkLoss(SMPPSession s) throws InterruptedException {
        synchronized (linkMonitor) {
            while (running && s.getSessionState().isBound()) {
                linkMonitor.wait(1_000);
            }
        }
    }

    private void signalLinkChange() {
        synchronized (linkMonitor) {
            linkMonitor.notifyAll();
        }
    }

    private void notifyBound() {
        CarrierListener l = listener.get();
        if (l == null) {
            log.info("SMPP link bound; no CarrierListener bean yet");
            return;
        }
        try {
            l.onBound();
        } catch (RuntimeException e) {
            log.warn("CarrierListener.onBound failed", e);
        }
    }

    private String describe(SMPPSession s) {
        InetSocketAddress target = endpoint.get();
        return target.getHostString() + ":" + target.getPort() + " (session " + s.getSessionId() + ")";
    }

    // ---------------------------------------------------------------- submitting

    /** Submits every segment of one message in order, on one submitter thread. */
    private final class SubmitTask implements Runnable {
        final OutboundSms sms;
        final List<SmsEncoding.EncodedPart> parts;
        final CompletableFuture<SubmitOutcome> result;

        SubmitTask(OutboundSms sms, List<SmsEncoding.EncodedPart> parts, CompletableFuture<SubmitOutcome> result) {
            this.sms = sms;
            this.parts = parts;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                result.complete(submitAll());
            } catch (CarrierUnavailableException e) {
                result.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(new CarrierUnavailableException("carrier link shut down", e));
            } catch (RuntimeException e) {
                log.warn("submit of {} failed unexpectedly", sms.reference(), e);
                result.completeExceptionally(new CarrierUnavailableException("submit failed: " + e, e));
            }
        }

        private SubmitOutcome submitAll() throws InterruptedException {
            SmppAddress from = SmppAddress.fromE164(sms.from());
            SmppAddress to = SmppAddress.fromE164(sms.to());
            List<String> ids = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                SmsEncoding.EncodedPart part = parts.get(i);
                SMPPSession s = session;
                if (!running || s == null || !s.getSessionState().isBound()) {
                    throw new CarrierUnavailableException("carrier link is not bound");
                }
                throttle();
                if (!window.tryAcquire(props.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new CarrierUnavailableException("SMPP window stayed full");
                }
                if (sms.submitBy() != null && Instant.now().isAfter(sms.submitBy())) {
                    window.release();
                    throw new CarrierUnavailableException("not submitted: waited past its deadline " + sms.submitBy()
                            + " (segment " + (i + 1) + "/" + parts.size() + ")");
                }
                long sentAt = System.nanoTime();
                try {
                    ids.add(s.submitShortMessage("", from.ton(), from.npi(), from.address(),
                            to.ton(), to.npi(), to.address(),
                            new ESMClass(part.udhi() ? SMPPConstant.ESMCLS_UDHI_INDICATOR_SET : 0),
                            (byte) 0, (byte) 1, null, null,
                            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                            DataCodings.newInstance(part.dataCoding()), (byte) 0, part.shortMessage()).getMessageId());
                    metrics.submitted(Duration.ofNanos(System.nanoTime() - sentAt), 0);
                } catch (NegativeResponseException e) {
                    metrics.submitted(Duration.ofNanos(System.nanoTime() - sentAt), e.getCommandStatus());
                    return new SubmitOutcome.Refused(e.getCommandStatus(), "carrier refused segment " + (i + 1) + "/"
                            + parts.size() + " with status 0x" + Integer.toHexString(e.getCommandStatus()));
                } catch (PDUException e) {
                    return new SubmitOutcome.Refused(SMPPConstant.STAT_ESME_RSYSERR,
                            "could not build submit_sm: " + e.getMessage());
                } catch (ResponseTimeoutException e) {
                    log.warn("no submit_sm_resp within {}; dropping the link to re-bind", props.responseTimeout());
                    s.close();
                    throw new CarrierUnavailableException("no submit_sm_resp from carrier", e);
                } catch (IOException | InvalidResponseException e) {
                    throw new CarrierUnavailableException("carrier link failed during submit: " + e.getMessage(), e);
                } finally {
                    window.release();
                }
            }
            return new SubmitOutcome.Accepted(ids, parts.size());
        }
    }

    private void throttle() throws InterruptedException {
        while (!throughput.tryAcquire()) {
            LockSupport.parkNanos(Math.max(throughput.nanosUntilNextToken(), 100_000));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
