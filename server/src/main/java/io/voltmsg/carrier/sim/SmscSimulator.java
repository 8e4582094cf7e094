package io.voltmsg.carrier.sim;

import io.voltmsg.carrier.CarrierSimulator;
import io.voltmsg.carrier.smpp.SmppAddress;
import io.voltmsg.carrier.smpp.SmppClient;
import io.voltmsg.carrier.smpp.SmsEncoding;
import io.voltmsg.carrier.smpp.UserDataHeader;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.session.connection.ServerConnection;
import io.voltmsg.carrier.smpp.ValidatingPduReader;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMSC for development and tests, listening on 127.0.0.1 only. Outcomes depend on the destination
 * number (see {@link SimulatedOutcome} for the table of magic numbers).
 *
 * <p>Built on jsmpp's {@link SMPPServerSession} over a loopback-only server socket.
 *
 * <p>Like a real SMSC it stores what it has to deliver (receipts, mobile-originated messages): while no
 * client is bound as receiver or transceiver they wait, and when a client answers deliver_sm with an error
 * or the response never comes, they are delivered again a second later. The store lives in memory for the
 * lifetime of this object (it survives {@link #stop()}/{@link #start()}), and with a {@link SmscJournal} on disk
 * also a restart of the process: a receipt is kept before its submit_sm_resp is sent, a mobile-originated message
 * before {@link #injectInbound} returns, and both are forgotten once the client acknowledged them.
 */
public final class SmscSimulator implements CarrierSimulator, SmartLifecycle {

    /** Starts before the SMPP client and stops after it. */
    public static final int PHASE = SmppClient.PHASE - 1000;

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    /** deliver_sm PDUs awaiting their response at once: a carrier's usual window. */
    private static final int DELIVERY_WORKERS = 10;
    private static final int PDU_PROCESSOR_THREADS = 3;
    private static final int PDU_QUEUE_CAPACITY = 100;
    private static final long REDELIVERY_DELAY_MS = 1_000;
    private static final long BIND_TIMEOUT_MS = 5_000;
    private static final long DELIVER_RESPONSE_TIMEOUT_MS = 5_000;

    private final SimulatorProperties props;
    private final SmscJournal journal;
    private final SmscLog submits;
    private final SmscLog delivers;
    private final LinkedBlockingDeque<PendingDeliver> store = new LinkedBlockingDeque<>();
    private final Set<SMPPServerSession> receivers = ConcurrentHashMap.newKeySet();
    private final Map<String, PendingReceipt> awaitingRespSent = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44));
    /** Journal keys, unique across restarts (a restart takes longer than a thousand keys' worth of milliseconds). */
    private final AtomicLong keys = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final Object receiverMonitor = new Object();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("smsc-sim-timer"));

    private volatile boolean running;
    private boolean restored;
    private volatile int port = -1;
    private final Receiver receiver = new Receiver();
    private final RespSentListener respSentListener = new RespSentListener();
    private ServerConnection server;
    private ExecutorService workers;

    /** The embedded simulator: everything in memory. */
    public SmscSimulator(SimulatorProperties props) {
        this(props, SmscJournal.none(), SmscLog.none(), SmscLog.none());
    }

    /**
     * @param journal  where pending deliveries are kept
     * @param submits  a line for every submit_sm accepted
     * @param delivers a line for every deliver_sm the client acknowledged
     */
    SmscSimulator(SimulatorProperties props, SmscJournal journal, SmscLog submits, SmscLog delivers) {
        this.props = props;
        this.journal = journal;
        this.submits = submits;
        this.delivers = delivers;
    }

    /** A message the simulator must deliver to the bound client; {@code key} names it in the journal. */
    record PendingDeliver(String key, SmppAddress source, SmppAddress destination, byte esmClass, byte dataCoding,
                          byte[] shortMessage, OptionalParameter[] tlvs, String description) {
    }

    /** A receipt kept until its submit_sm_resp was written, and when it becomes due. */
    private record PendingReceipt(PendingDeliver receipt, Instant dueAt) {
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        LoopbackServerConnectionFactory factory = new LoopbackServerConnectionFactory();
        try {
            server = factory.listen(props.port());
        } catch (IOException e) {
            throw new io.voltmsg.shared.StartupProblem("The embedded SMSC simulator cannot listen on 127.0.0.1:"
                    + props.port() + " (voltmsg.carrier.simulator.port): " + e.getMessage()
                    + ", perhaps another voltmsg is running.",
                    "Stop the process listening on port " + props.port() + ", or choose another port: "
                            + "--voltmsg.carrier.simulator.port=2776 (env VOLTMSG_CARRIER_SIMULATOR_PORT; the SMPP "
                            + "client follows it).", e);
        }
        port = factory.localPort();
        running = true;
        if (!restored) { // once: what is in memory survives stop() and start()
            restored = true;
            List<SmscJournal.Entry> kept = journal.load();
            kept.forEach(entry -> deliverFrom(entry.dueAt(), entry.deliver()));
            if (!kept.isEmpty()) {
                log.info("SMSC simulator restored {} pending deliveries", kept.size());
            }
        }
        // cached: the accept loop and delivery workers live as long as the simulator, bind handshakes briefly
        workers = Executors.newCachedThreadPool(daemon("smsc-sim"));
        workers.execute(this::acceptLoop);
        for (int i = 0; i < DELIVERY_WORKERS; i++) {
            workers.execute(this::deliverLoop);
        }
        log.info("SMSC simulator listening on 127.0.0.1:{} (system_id {})", port, props.systemId());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing listener", e);
        }
        for (SMPPServerSession s : receivers) {
            s.close();
        }
        receivers.clear();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("SMSC simulator on port {} stopped; {} deliveries held", port, store.size());
        submits.close();
        delivers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public int port() {
        return port;
    }

    /** Receipts and MO messages waiting for a bound client (for tests and diagnostics). */
    public int heldDeliveries() {
        return store.size();
    }

    // ---------------------------------------------------------------- inbound on demand

    @Override
    public void injectInbound(String from, String to, String text) {
        SmppAddress source = SmppAddress.fromE164(from);
        SmppAddress destination = SmppAddress.fromE164(to);
        List<SmsEncoding.EncodedPart> parts = SmsEncoding.encode(text, ThreadLocalRandom.current().nextInt(256));
        Instant now = Instant.now();
        for (int i = 0; i < parts.size(); i++) {
            SmsEncoding.EncodedPart part = parts.get(i);
            PendingDeliver mo = new PendingDeliver("mo-" + keys.incrementAndGet(), source, destination,
                    part.udhi() ? SMPPConstant.ESMCLS_UDHI_INDICATOR_SET : 0, part.dataCoding(), part.shortMessage(),
                    new OptionalParameter[0], "MO " + from + " -> " + to + " part " + (i + 1) + "/" + parts.size());
            journal.keep(mo.key(), now, mo);
            store.add(mo);
        }
    }

    /** Queues a delivery now, or when it becomes due. */
    private void deliverFrom(Instant dueAt, PendingDeliver d) {
        long delay = dueAt.toEpochMilli() - System.currentTimeMillis();
        if (delay <= 0) {
            store.addLast(d);
        } else {
            scheduler.schedule(() -> store.addLast(d), delay, TimeUnit.MILLISECONDS);
        }
    }

    // ---------------------------------------------------------------- sessions

    private void acceptLoop() {
        while (running) {
            try {
                // built by hand rather than by SMPPServerSessionListener to plug in the validating reader
                SMPPServerSession session = new SMPPServerSession(server.accept(), this::onStateChange, receiver,
                        respSentListener, PDU_PROCESSOR_THREADS, PDU_QUEUE_CAPACITY,
                        new SynchronizedPDUSender(new DefaultPDUSender()), new ValidatingPduReader());
                session.setTransactionTimer(DELIVER_RESPONSE_TIMEOUT_MS);
                workers.execute(() -> awaitBind(session));
            } catch (IOException | RuntimeException e) {
                if (running) {
                    log.warn("SMSC simulator accept failed: {}", e.toString());
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT_MS);
            if (!props.systemId().equals(request.getSystemId()) || !props.password().equals(request.getPassword())) {
                log.info("SMSC simulator refused bind of system_id '{}': wrong credentials", request.getSystemId());
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                // closing at once can reset the socket before the client has read the bind_resp; a refused
                // client hangs up itself, this only cleans up after one that does not
                scheduler.schedule(session::close, BIND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return;
            }
            request.accept("voltmsg-sim", InterfaceVersion.IF_34);
            if (request.getBindType() != BindType.BIND_TX) {
                receivers.add(session);
                synchronized (receiverMonitor) {
                    receiverMonitor.notifyAll();
                }
            }
            log.info("SMSC simulator: {} bound as {}", request.getSystemId(), request.getBindType());
        } catch (TimeoutException | IllegalStateException | IOException | PDUStringException e) {
            log.info("SMSC simulator: connection without a valid bind closed ({})", e.toString());
            session.close();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (!newState.isBound() && source instanceof SMPPServerSession s) {
            receivers.remove(s);
        }
    }

    private SMPPServerSession pickReceiver() {
        SMPPServerSession[] bound = receivers.stream()
                .filter(s -> s.getSessionState().isReceivable())
                .toArray(SMPPServerSession[]::new);
        if (bound.length == 0) {
            return null;
        }
        return bound[Math.floorMod(roundRobin.getAndIncrement(), bound.length)];
    }

    // ---------------------------------------------------------------- delivering

    private void deliverLoop() {
        while (running) {
            PendingDeliver next;
            try {
                next = store.pollFirst(500, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                SMPPServerSession session = pickReceiver();
                if (session == null) { // hold it until a client binds
                    store.putFirst(next);
                    synchronized (receiverMonitor) {
                        receiverMonitor.wait(500);
                    }
                    continue;
                }
                deliver(session, next);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliver(SMPPServerSession session, PendingDeliver d) {
        try {
            session.deliverShortMessage("", d.source().ton(), d.source().npi(), d.source().address(),
                    d.destination().ton(), d.destination().npi(), d.destination().address(),
                    new ESMClass(d.esmClass()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    DataCodings.newInstance(d.dataCoding()), d.shortMessage(), d.tlvs());
            journal.forget(d.key());
            if (delivers.enabled()) {
                String[] content = content(d.shortMessage(),
                        (d.esmClass() & SMPPConstant.ESMCLS_UDHI_INDICATOR_SET) != 0, d.dataCoding());
                delivers.record(System.currentTimeMillis(), d.esmClass() == SMPPConstant.ESMCLS_SMSC_DELIV_RECEIPT
                        ? "receipt" : "mo", d.source().address(), d.destination().address(), content[0], content[1]);
            }
        } catch (NegativeResponseException e) {
            log.info("client answered {} with status 0x{}; delivering again later", d.description(),
                    Integer.toHexString(e.getCommandStatus()));
            redeliverLater(d);
        } catch (ResponseTimeoutException | InvalidResponseException | IOException e) {
            log.info("delivering {} failed ({}); delivering again later", d.description(), e.toString());
            redeliverLater(d);
        } catch (PDUException e) {
            log.warn("dropping {}: cannot be encoded ({})", d.description(), e.getMessage());
            journal.forget(d.key());
        } catch (RuntimeException e) {
            log.warn("delivering {} failed unexpectedly; delivering again later", d.description(), e);
            redeliverLater(d);
        }
    }

    private void redeliverLater(PendingDeliver d) {
        scheduler.schedule(() -> store.addLast(d), REDELIVERY_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private static PendingDeliver receiptFor(String messageId, SubmitSm submit, SimulatedOutcome outcome,
                                             Instant submitted, Instant done) {
        String original = originalText(submit);
        StringBuilder gsmSafe = new StringBuilder();
        original.codePoints().filter(c -> c < 0x10000 && SmsEncoding.gsmSeptets(Character.toString(c)) == 1)
                .forEach(gsmSafe::appendCodePoint);
        String text = outcome.receiptText(messageId, submitted, done, gsmSafe.toString());
        SmppAddress handset = address(submit.getDestAddrTon(), submit.getDestAddrNpi(), submit.getDestAddress());
        SmppAddress sender = address(submit.getSourceAddrTon(), submit.getSourceAddrNpi(), submit.getSourceAddr());
        return new PendingDeliver("rcpt-" + messageId, handset, sender, SMPPConstant.ESMCLS_SMSC_DELIV_RECEIPT,
                SmsEncoding.DATA_CODING_GSM, SmsEncoding.encodeText(text, SmsEncoding.Alphabet.GSM7),
                new OptionalParameter[]{new OptionalParameter.Receipted_message_id(messageId),
                        new OptionalParameter.Message_state(outcome.messageState)},
                "receipt " + messageId + " " + outcome.stat);
    }

    /** Log fields for a PDU's content: its part ({@code reference:sequence/total}, or {@code 1/1}) and its text. */
    private static String[] content(byte[] shortMessage, boolean udhi, byte dataCoding) {
        byte[] sm = shortMessage == null ? new byte[0] : shortMessage;
        String part = "1/1";
        if (udhi) {
            Optional<UserDataHeader.UserData> userData = UserDataHeader.parse(sm);
            if (userData.isPresent()) {
                UserDataHeader.Concat concat = userData.get().concat();
                if (concat != null) {
                    part = concat.reference() + ":" + concat.sequence() + "/" + concat.total();
                }
                sm = userData.get().payload();
            }
        }
        return new String[] {part, SmsEncoding.decode(sm, dataCoding)};
    }

    /** Echoes a client's address back as it came; values jsmpp does not know become "unknown". */
    private static SmppAddress address(byte ton, byte npi, String address) {
        TypeOfNumber t;
        NumberingPlanIndicator n;
        try {
            t = TypeOfNumber.valueOf(ton);
        } catch (IllegalArgumentException e) {
            t = TypeOfNumber.UNKNOWN;
        }
        try {
            n = NumberingPlanIndicator.valueOf(npi);
        } catch (IllegalArgumentException e) {
            n = NumberingPlanIndicator.UNKNOWN;
        }
        return new SmppAddress(t, n, address == null ? "" : address);
    }

    private static String originalText(SubmitSm submit) {
        byte[] sm = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
        if (submit.isUdhi()) {
            Optional<UserDataHeader.UserData> userData = UserDataHeader.parse(sm);
            sm = userData.map(UserDataHeader.UserData::payload).orElse(new byte[0]);
        }
        return SmsEncoding.decode(sm, submit.getDataCoding());
    }

    // ---------------------------------------------------------------- PDUs from clients

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            SimulatedOutcome outcome = SimulatedOutcome.forDestination(submit.getDestAddress());
            if (outcome == SimulatedOutcome.REFUSED) {
                throw new ProcessRequestException("simulated refusal", SMPPConstant.STAT_ESME_RSUBMITFAIL);
            }
            String id = Long.toHexString(messageIds.incrementAndGet());
            boolean receiptRequested = (submit.getRegisteredDelivery() & 0x03) == 1
                    || ((submit.getRegisteredDelivery() & 0x03) == 2 && outcome != SimulatedOutcome.DELIVERED);
            Instant now = Instant.now();
            if (outcome != SimulatedOutcome.NO_RECEIPT && receiptRequested) {
                // Kept before the submit_sm_resp is sent, as a real SMSC stores what it accepted; scheduled once
                // the response is written, so a receipt never overtakes its id.
                Instant due = now.plus(props.receiptDelay());
                PendingDeliver receipt = receiptFor(id, submit, outcome, now, due);
                journal.keep(receipt.key(), due, receipt);
                awaitingRespSent.put(id, new PendingReceipt(receipt, due));
            }
            if (submits.enabled()) {
                String[] content = content(submit.getShortMessage(), submit.isUdhi(), submit.getDataCoding());
                submits.record(now.toEpochMilli(), id, submit.getSourceAddr(), submit.getDestAddress(), content[0],
                        content[1]);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by the simulator", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private final class RespSentListener implements ServerResponseDeliveryListener {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            PendingReceipt pending = awaitingRespSent.remove(result.getMessageId());
            if (pending != null) {
                deliverFrom(pending.dueAt(), pending.receipt());
            }
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {
            PendingReceipt pending = awaitingRespSent.remove(result.getMessageId()); // the client never learnt the id
            if (pending != null) {
                journal.forget(pending.receipt().key());
            }
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {
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
