package io.voltmsg.messaging;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.PhoneNumbers;
import io.voltmsg.carrier.CarrierSimulator;
import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.carrier.InboundSms;
import io.voltmsg.carrier.SubmitOutcome;
import io.voltmsg.delivery.EventPublisher;
import io.voltmsg.delivery.EventType;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages: created queued by the API, moved through {@link Lifecycle} by the carrier's answers, receipts and
 * the sweeps, each status change written in one transaction with the events it causes.
 */
@Service
public class MessageService {

    static final int MAX_BODY = 1600;
    static final int MAX_INBOUND_BODY = 40_000;
    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START_WORDS = Set.of("START", "UNSTOP");
    static final String HELP_WORD = "HELP";
    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    /** One page of {@link #list}; {@code hasNext} says whether more follow the last one. */
    public record Page(List<Message> messages, boolean hasNext) {
    }

    private final MessageRepository repository;
    private final ContactService contacts;
    private final AccountService accounts;
    private final EventPublisher events;
    private final ObjectProvider<CarrierSimulator> simulator;
    private final MessagingProperties properties;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Wakeup wakeup;
    private final Clock clock;
    private final Map<String, ConcurrentLinkedQueue<CompletableFuture<Message>>> simulated = new ConcurrentHashMap<>();

    MessageService(MessageRepository repository, ContactService contacts, AccountService accounts, EventPublisher events,
                   ObjectProvider<CarrierSimulator> simulator, MessagingProperties properties,
                   TransactionTemplate transactions, JdbcClient jdbc, Wakeup wakeup, Clock clock) {
        this.repository = repository;
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
        this.simulator = simulator;
        this.properties = properties;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    // ================================================================== API

    /**
     * Queues an SMS. Nothing is queued when any argument is wrong; the same {@code idempotencyKey} from the same
     * organization within {@code voltmsg.messaging.idempotency-window} returns the first message.
     */
    public Message create(String organizationId, String to, String from, String body, List<String> media,
                          String idempotencyKey) {
        if (media != null && !media.isEmpty()) {
            throw ApiException.badInput("media", "media is not supported: the carrier link is SMS only; send text in body");
        }
        Inputs.e164("from", from);
        if (!accounts.ownsNumber(organizationId, from)) {
            throw ApiException.badInput("from", "from must be a phone number of your organization");
        }
        Inputs.e164("to", to);
        Inputs.body("body", body, MAX_BODY);
        String key = Inputs.printable("idempotencyKey", idempotencyKey, 255);
        if (key != null && key.isBlank()) {
            throw ApiException.badInput("idempotencyKey", "idempotencyKey must not be blank");
        }
        try {
            return transactions.execute(tx -> {
                Instant now = Times.now(clock);
                if (key != null) {
                    Optional<Message> first = repository.findByIdempotencyKey(organizationId, key);
                    if (first.isPresent()) {
                        if (first.get().createdAt().isAfter(now.minus(properties.idempotencyWindow()))) {
                            return first.get();
                        }
                        repository.releaseIdempotencyKey(organizationId, key);
                    }
                }
                if (contacts.isBlocked(organizationId, from, to)) {
                    throw ApiException.badInput("to", "the recipient " + to + " is a blocked contact of " + from
                            + " (opted out with STOP); nothing was sent");
                }
                return queue(organizationId, from, to, body, key, now);
            });
        } catch (DuplicateKeyException e) {
            // the same key raced in another request: that one won
            return repository.findByIdempotencyKey(organizationId, key).orElseThrow(() -> e);
        }
    }

    public Optional<Message> find(String organizationId, String id) {
        if (id == null || !id.matches("msg_[0-9A-Z]{26}")) {
            return Optional.empty(); // not an id we issue (PostgreSQL would also refuse a NUL in it)
        }
        return repository.find(organizationId, id);
    }

    public Page list(String organizationId, String phoneNumber, MessageDirection direction, String status, Integer first,
                     String after) {
        int limit = first == null ? 20 : first;
        if (limit < 0 || limit > 100) {
            throw ApiException.badInput("first", "first must be between 0 and 100");
        }
        if (phoneNumber != null) {
            Inputs.e164("phoneNumber", phoneNumber);
        }
        MessageStatus state = null;
        if (status != null) {
            state = MessageStatus.fromWire(status).orElseThrow(() -> ApiException.badInput("status",
                    "status must be one of queued, sending, sent, delivered, undelivered, failed, received"));
        }
        if (after != null && !after.matches("msg_[0-9A-Z]{26}")) {
            throw ApiException.badInput("after", "after must be a cursor from a previous page (endCursor)");
        }
        List<Message> rows = repository.list(organizationId, phoneNumber, direction, state, after, limit + 1);
        boolean hasNext = rows.size() > limit;
        return new Page(hasNext ? rows.subList(0, limit) : rows, hasNext);
    }

    /**
     * Makes the embedded SMSC send a mobile-originated message to {@code to} as real deliver_sm PDUs, and returns
     * the message once it came back through the carrier link and was recorded.
     */
    public Message simulateInbound(String organizationId, String from, String to, String body) {
        CarrierSimulator sim = simulator.getIfAvailable();
        if (sim == null) {
            throw new ApiException("SIMULATOR_DISABLED",
                    "the embedded SMSC simulator is disabled (voltmsg.carrier.simulator.enabled=false)");
        }
        Inputs.e164("from", from);
        Inputs.e164("to", to);
        if (!accounts.ownsNumber(organizationId, to)) {
            throw ApiException.badInput("to", "to must be a phone number of your organization");
        }
        Inputs.body("body", body, MAX_BODY);
        String key = simulationKey(from, to, body);
        CompletableFuture<Message> arrived = new CompletableFuture<>();
        simulated.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(arrived);
        try {
            sim.injectInbound(from, to, body);
            return arrived.get(properties.simulateTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException("CARRIER_TIMEOUT", "the simulated message did not come back through the carrier link within "
                    + properties.simulateTimeout().toSeconds() + "s; it is reported when it arrives");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            ConcurrentLinkedQueue<CompletableFuture<Message>> waiting = simulated.get(key);
            if (waiting != null) {
                waiting.remove(arrived);
            }
        }
    }

    /** The text an inbound HELP is answered with. */
    public String helpReply(String organizationId) {
        return jdbc.sql("select help_reply from messaging_settings where organization_id = ?").param(organizationId)
                .query(String.class).optional().orElse(properties.helpReply());
    }

    /** Sets the organization's HELP answer; null returns to the default. Returns the answer now in effect. */
    public String setHelpReply(String organizationId, String text) {
        if (text != null) {
            Inputs.body("text", text, MAX_BODY);
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from messaging_settings where organization_id = ?").param(organizationId).update();
            if (text != null) {
                jdbc.sql("insert into messaging_settings (organization_id, help_reply, updated_at) values (?, ?, ?)")
                        .params(organizationId, text, Times.sql(Times.now(clock))).update();
            }
        });
        return helpReply(organizationId);
    }

    // ================================================================== sender side (package-private)

    List<Message> claim(int limit) {
        Instant now = Times.now(clock);
        List<String> ids = transactions.execute(tx -> repository.claimDue(now, now.plus(properties.lease()), limit));
        return ids == null || ids.isEmpty() ? List.of() : repository.load(ids);
    }

    /** The carrier accepted every segment: sent, with one row per segment for its receipts. */
    void accepted(String messageId, SubmitOutcome.Accepted outcome) {
        transactions.executeWithoutResult(tx -> change(messageId, Lifecycle.Trigger.ACCEPTED, (m, now) -> {
            for (int i = 0; i < outcome.carrierMessageIds().size(); i++) {
                repository.insertSegment(messageId, i, outcome.carrierMessageIds().get(i), now);
            }
            return withState(m, MessageStatus.SENT, Math.max(1, outcome.segments()), null, null, now, null, null);
        }, EventType.MESSAGE_SENT));
        applyOrphans(outcome.carrierMessageIds());
    }

    void refused(String messageId, SubmitOutcome.Refused outcome) {
        transactions.executeWithoutResult(tx -> change(messageId, Lifecycle.Trigger.REFUSED, (m, now) ->
                        withState(m, MessageStatus.FAILED, m.segments(), "SUBMIT_REFUSED",
                                cut("carrier refused the message: " + outcome.reason() + " (command_status 0x"
                                        + Integer.toHexString(outcome.commandStatus()) + ")"), null, null, now),
                EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED));
    }

    /** No answer came (link down or dropped): back to queued, submitted again after the next bind. */
    void linkLost(String messageId) {
        transactions.executeWithoutResult(tx -> {
            Optional<Message> m = repository.lock(messageId);
            if (m.isPresent() && Lifecycle.next(m.get().state(), Lifecycle.Trigger.LINK_LOST).isPresent()) {
                repository.update(withState(m.get(), MessageStatus.QUEUED, m.get().segments(), null, null, null, null,
                        null), Times.now(clock));
            }
        });
    }

    /** Overdue receipts and messages past their validity; run by every instance, rows claimed with SKIP LOCKED. */
    int sweep() {
        Instant now = Times.now(clock);
        Integer expired = transactions.execute(tx -> {
            List<String> ids = repository.sentBefore(now.minus(properties.receiptTimeout()), 100);
            for (String id : ids) {
                change(id, Lifecycle.Trigger.RECEIPT_TIMEOUT, (m, at) -> withState(m, MessageStatus.UNDELIVERED,
                        m.segments(), "EXPIRED", "no final delivery receipt within " + properties.receiptTimeout(), m.sentAt(),
                        null, at), EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED);
            }
            return ids.size();
        });
        Integer invalid = transactions.execute(tx -> {
            List<String> ids = repository.queuedBefore(now.minus(properties.validity()), now, 100);
            for (String id : ids) {
                change(id, Lifecycle.Trigger.VALIDITY_EXPIRED, (m, at) -> withState(m, MessageStatus.FAILED,
                        m.segments(), "VALIDITY_EXPIRED", "not accepted by the carrier within " + properties.validity(),
                        null, null, at), EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED);
            }
            return ids.size();
        });
        return (expired == null ? 0 : expired) + (invalid == null ? 0 : invalid);
    }

    void purgeOrphans() {
        int purged = repository.deleteOrphansBefore(Times.now(clock).minus(properties.receiptTimeout()).minusSeconds(3600));
        if (purged > 0) {
            log.info("Purged {} receipts whose carrier id never became known", purged);
        }
    }

    // ================================================================== carrier side

    /** A receipt for one segment. Kept as an orphan when its carrier id is not (yet) known. */
    void receipt(DeliveryReceipt receipt) {
        String carrierId = receipt.carrierMessageId();
        Boolean orphaned = transactions.execute(tx -> {
            Optional<MessageRepository.Segment> segment = repository.segmentByCarrierId(carrierId);
            if (segment.isEmpty()) {
                repository.insertOrphan(Ids.newId("rct", receipt.receivedAt()), carrierId, receipt.stat().name(),
                        cutErr(receipt.err()), receipt.receivedAt());
                return true;
            }
            apply(segment.get(), receipt.stat().name(), receipt.err());
            return false;
        });
        if (Boolean.TRUE.equals(orphaned)) {
            // The submit_sm_resp may have been recorded while we stored the orphan: look again after our commit.
            if (repository.segmentByCarrierId(carrierId).isPresent()) {
                applyOrphans(List.of(carrierId));
            } else {
                log.info("Receipt {} for carrier id {} matches no message (yet); kept until its submit is recorded",
                        receipt.stat(), carrierId);
            }
        }
    }

    /** Applies kept receipts whose carrier ids are now known; each is taken by exactly one thread. */
    void applyOrphans(List<String> carrierIds) {
        for (MessageRepository.Orphan orphan : repository.orphansFor(carrierIds)) {
            transactions.executeWithoutResult(tx -> {
                if (repository.deleteOrphan(orphan.id())) {
                    repository.segmentByCarrierId(orphan.carrierMessageId())
                            .ifPresent(segment -> apply(segment, orphan.stat(), orphan.err()));
                }
            });
        }
    }

    private void apply(MessageRepository.Segment segment, String statName, String err) {
        DeliveryReceipt.Stat stat = DeliveryReceipt.Stat.valueOf(statName);
        Message m = repository.lock(segment.messageId()).orElseThrow();
        if (m.state().isFinal()) {
            log.debug("Late receipt {} for final message {} ({}) ignored", stat, m.id(), m.status());
            return;
        }
        Instant now = Times.now(clock);
        switch (Lifecycle.effectOf(stat)) {
            case NO_CHANGE -> {
                if (segment.stat() == null || Lifecycle.effectOf(DeliveryReceipt.Stat.valueOf(segment.stat()))
                        == Lifecycle.ReceiptEffect.NO_CHANGE) {
                    repository.updateSegment(m.id(), segment.index(), statName, cutErr(err), now);
                }
            }
            case DELIVERED -> {
                repository.updateSegment(m.id(), segment.index(), statName, cutErr(err), now);
                if (repository.segmentsNotDelivered(m.id()) == 0) {
                    change(m, Lifecycle.Trigger.DELIVERED, (msg, at) -> withState(msg, MessageStatus.DELIVERED,
                            msg.segments(), null, null, msg.sentAt(), at, at), EventType.MESSAGE_DELIVERED,
                            EventType.MESSAGE_FINALIZED);
                }
            }
            case UNDELIVERED -> {
                repository.updateSegment(m.id(), segment.index(), statName, cutErr(err), now);
                change(m, Lifecycle.Trigger.UNDELIVERED, (msg, at) -> withState(msg, MessageStatus.UNDELIVERED,
                        msg.segments(), statName, err == null ? "receipt " + statName : "receipt " + statName + ", err " + err,
                        msg.sentAt(), null, at), EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED);
            }
        }
    }

    /** A mobile-originated message to one of our numbers: recorded, keywords acted on, reported. */
    void inbound(InboundSms sms) {
        Optional<String> organization = sms.to() == null ? Optional.empty() : accounts.organizationOfNumber(sms.to());
        if (organization.isEmpty()) {
            log.warn("Inbound message to {} which belongs to no organization; acknowledged and dropped",
                    Inputs.shown(sms.to()));
            return;
        }
        String orgId = organization.get();
        String text = storable(sms.text() == null ? "" : sms.text());
        if (text.length() > MAX_INBOUND_BODY) {
            text = text.substring(0, MAX_INBOUND_BODY);
        }
        String from = sms.from() == null || sms.from().length() > 32 ? cutNumber(sms.from()) : sms.from();
        String body = text;
        Message recorded = transactions.execute(tx -> {
            Instant now = Times.now(clock);
            Message m = new Message(Ids.newId("msg", now), orgId, MessageDirection.INBOUND, from, sms.to(), body,
                    MessageStatus.RECEIVED, Math.max(1, sms.segments()), null, null, now, null, null, null);
            repository.insert(m, null, null);
            String keyword = body.strip().toUpperCase(Locale.ROOT);
            boolean handset = PhoneNumbers.isE164(from);
            if (handset && STOP_WORDS.contains(keyword)) {
                contacts.setBlocked(orgId, sms.to(), from, true);
            } else if (handset && START_WORDS.contains(keyword)) {
                contacts.setBlocked(orgId, sms.to(), from, false);
            }
            events.publish(orgId, EventType.MESSAGE_RECEIVED, m.id(), Payloads.of(m));
            if (handset && HELP_WORD.equals(keyword)) {
                queue(orgId, sms.to(), from, helpReply(orgId), null, now);
            }
            return m;
        });
        if (recorded != null) {
            ConcurrentLinkedQueue<CompletableFuture<Message>> waiting =
                    simulated.get(simulationKey(from, sms.to(), body));
            CompletableFuture<Message> waiter = waiting == null ? null : waiting.poll();
            if (waiter != null) {
                waiter.complete(recorded);
            }
        }
    }

    // ================================================================== helpers

    private interface Change {
        Message apply(Message current, Instant now);
    }

    private void change(String messageId, Lifecycle.Trigger trigger, Change change, EventType... types) {
        Optional<Message> m = repository.lock(messageId);
        if (m.isEmpty()) {
            log.warn("{} for unknown message {}", trigger, messageId);
            return;
        }
        change(m.get(), trigger, change, types);
    }

    /** Moves a locked message if the lifecycle allows it and publishes the events in the same transaction. */
    private void change(Message current, Lifecycle.Trigger trigger, Change change, EventType... types) {
        if (Lifecycle.next(current.state(), trigger).isEmpty()) {
            log.info("{} ignored for message {} in state {}", trigger, current.id(), current.status());
            return;
        }
        Message updated = change.apply(current, Times.now(clock));
        if (Lifecycle.next(current.state(), trigger).get() != updated.state()) {
            throw new IllegalStateException("change disagrees with the lifecycle: " + trigger);
        }
        repository.update(updated, null);
        events.publish(updated.organizationId(), updated.id(), Payloads.of(updated), List.of(types));
    }

    private Message queue(String organizationId, String from, String to, String body, String key, Instant now) {
        Message m = new Message(Ids.newId("msg", now), organizationId, MessageDirection.OUTBOUND, from, to, body,
                MessageStatus.QUEUED, SegmentEstimate.of(body), null, null, now, null, null, null);
        repository.insert(m, key, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeup.wake();
                }
            });
        }
        return m;
    }

    private static Message withState(Message m, MessageStatus state, int segments, String errorCode, String errorMessage,
                                     Instant sentAt, Instant deliveredAt, Instant finalizedAt) {
        return new Message(m.id(), m.organizationId(), m.direction(), m.fromNumber(), m.toNumber(), m.body(), state,
                segments, errorCode, cut(errorMessage), m.createdAt(), sentAt, deliveredAt, finalizedAt);
    }

    /**
     * What a handset sent, made storable: NUL and unpaired surrogates (which PostgreSQL refuses, and which would
     * make the carrier redeliver the PDU forever) become U+FFFD.
     */
    static String storable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c == '\u0000'
                    || (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String simulationKey(String from, String to, String body) {
        return from + '\u0000' + to + '\u0000' + body;
    }

    private static String cut(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }

    private static String cutErr(String err) {
        return err == null || err.length() <= 16 ? err : err.substring(0, 16);
    }

    private static String cutNumber(String number) {
        return number == null ? "unknown" : number.substring(0, 32);
    }

    static List<String> ids(List<Message> messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.id()));
        return ids;
    }
}
