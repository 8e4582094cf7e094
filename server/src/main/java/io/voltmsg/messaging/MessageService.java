package io.voltmsg.messaging;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.carrier.CarrierSimulator;
import io.voltmsg.shared.AfterCommit;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.GroupCommit;
import io.voltmsg.shared.GroupCommits;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Messages as the API sees them: queue one, read and list them, simulate an inbound one, the HELP answer. What
 * happens to a message afterwards is the carrier side's ({@link SubmitResults}, {@link Receipts},
 * {@link InboundMessages}) and the {@link Sweeps}', each status change through {@link Transitions}.
 */
@Service
public class MessageService {

    static final int MAX_BODY = 1600;
    /** The most pieces of work of one stage committed together: larger groups gain little and hold locks longer. */
    static final int GROUP_LIMIT = 64;

    /** One page of {@link #list}; {@code hasNext} says whether more follow the last one. */
    public record Page(List<Message> messages, boolean hasNext) {
    }

    private final MessageRepository repository;
    private final ContactService contacts;
    private final AccountService accounts;
    private final Transitions transitions;
    private final HelpReplies helpReplies;
    private final SimulatedArrivals simulated;
    private final CarrierAnswers answers;
    private final ObjectProvider<CarrierSimulator> simulator;
    private final MessagingProperties properties;
    /** Queues messages of concurrent requests in shared transactions (group commit). */
    private final GroupCommit writer;
    private final OutboundBacklog backlog;
    private final Clock clock;

    MessageService(MessageRepository repository, ContactService contacts, AccountService accounts,
                   Transitions transitions, HelpReplies helpReplies, SimulatedArrivals simulated,
                   CarrierAnswers answers, ObjectProvider<CarrierSimulator> simulator, MessagingProperties properties,
                   GroupCommits groupCommits, OutboundBacklog backlog, Clock clock) {
        this.answers = answers;
        this.repository = repository;
        this.contacts = contacts;
        this.accounts = accounts;
        this.transitions = transitions;
        this.helpReplies = helpReplies;
        this.simulated = simulated;
        this.simulator = simulator;
        this.properties = properties;
        this.writer = groupCommits.writer("messages", GROUP_LIMIT);
        this.backlog = backlog;
        this.clock = clock;
    }

    /**
     * Queues an SMS. Nothing is queued when any argument is wrong; the same {@code idempotencyKey} from the same
     * organization within {@code voltmsg.messaging.idempotency-window} returns the first message when {@code to},
     * {@code from} and {@code body} are the same, and fails with {@code IDEMPOTENCY_KEY_REUSED} when they are not.
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
        if (body.isBlank()) {
            throw ApiException.badInput("body", "body must not be blank: it has only spaces or line breaks");
        }
        String key = Inputs.printable("idempotencyKey", idempotencyKey, 255);
        if (key != null && key.isBlank()) {
            throw ApiException.badInput("idempotencyKey", "idempotencyKey must not be blank");
        }
        backlog.admit(organizationId);
        try {
            return writer.execute(() -> {
                Instant now = Times.now(clock);
                if (key != null) {
                    Optional<Message> first = repository.findByIdempotencyKey(organizationId, key);
                    if (first.isPresent()) {
                        if (first.get().createdAt().isAfter(now.minus(properties.idempotencyWindow()))) {
                            return sameRequest(first.get(), key, to, from, body);
                        }
                        repository.releaseIdempotencyKey(organizationId, key);
                    }
                }
                if (contacts.isBlocked(organizationId, from, to)) {
                    throw ApiException.badInput("to", "the recipient " + to + " is a blocked contact of " + from
                            + " (opted out with STOP); nothing was sent");
                }
                Message queued = transitions.queue(organizationId, from, to, body, key, now);
                AfterCommit.run(() -> backlog.queued(organizationId));
                return queued;
            });
        } catch (DuplicateKeyException e) {
            // the same key raced in another request: that one won
            return sameRequest(repository.findByIdempotencyKey(organizationId, key).orElseThrow(() -> e), key, to, from,
                    body);
        }
    }

    /**
     * The message an idempotency key already made, when this request asks for the same one; else
     * {@code IDEMPOTENCY_KEY_REUSED} (as Stripe does): a key names one message, never a different one.
     */
    static Message sameRequest(Message first, String key, String to, String from, String body) {
        if (first.toNumber().equals(to) && first.fromNumber().equals(from) && first.body().equals(body)) {
            return first;
        }
        throw new ApiException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey '" + key + "' was already used for message "
                + first.id() + " with a different to, from or body; use a new key for a new message",
                java.util.Map.of("field", "idempotencyKey", "messageId", first.id()));
    }

    public Optional<Message> find(String organizationId, String id) {
        if (id == null || !id.matches("msg_[0-9A-Z]{26}")) {
            return Optional.empty(); // not an id we issue (PostgreSQL would also refuse a NUL in it)
        }
        return repository.find(organizationId, id);
    }

    public Page list(String organizationId, String phoneNumber, MessageDirection direction, String status, Integer first,
                     String after) {
        return list(organizationId, phoneNumber, direction, status, null, null, first, after);
    }

    /** As {@link #list(String, String, MessageDirection, String, Integer, String)}, created in {@code [from, to)} when given. */
    public Page list(String organizationId, String phoneNumber, MessageDirection direction, String status, Instant from,
                     Instant to, Integer first, String after) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badInput("to", "the end of the range must be after its start");
        }
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
        List<Message> rows = repository.list(organizationId, phoneNumber, direction, state, from, to, after, limit + 1);
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
        CompletableFuture<Message> arrived = simulated.expect(from, to, body);
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
            simulated.forget(from, to, body, arrived);
        }
    }

    /**
     * The ids of the organization's newest {@code limit} messages to or from {@code phoneNumber}, newest first:
     * how other features search by phone number without reading messaging's tables.
     */
    public List<String> idsInvolving(String organizationId, String phoneNumber, int limit) {
        Inputs.e164("phoneNumber", phoneNumber);
        return repository.idsInvolving(organizationId, phoneNumber, Math.max(1, Math.min(limit, 1000)));
    }

    /** The message and every answer the carrier gave about it, oldest first; empty for another organization's id. */
    public Optional<MessageTimeline> timeline(String organizationId, String id) {
        return find(organizationId, id).map(m -> new MessageTimeline(m, answers.of(m.id())));
    }

    /** Whether the embedded SMSC runs, so inbound messages can be simulated. */
    public boolean canSimulateInbound() {
        return simulator.getIfAvailable() != null;
    }

    /** The text an inbound HELP is answered with. */
    public String helpReply(String organizationId) {
        return helpReplies.of(organizationId);
    }

    /** Sets the organization's HELP answer; null returns to the default. Returns the answer now in effect. */
    public String setHelpReply(String organizationId, String text) {
        if (text != null) {
            Inputs.body("text", text, MAX_BODY);
        }
        helpReplies.set(organizationId, text);
        return helpReplies.of(organizationId);
    }
}
