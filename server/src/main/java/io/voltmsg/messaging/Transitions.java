package io.voltmsg.messaging;

import io.voltmsg.delivery.EventPublisher;
import io.voltmsg.delivery.EventType;
import io.voltmsg.shared.AfterCommit;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way a message is created or changes status: queued messages wake the sender after commit; a status
 * change is checked against {@link Lifecycle} and written with the events it causes, in the caller's transaction.
 */
@Component
class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);

    /** The new state of a locked message, made at {@code now}. */
    interface Change {
        Message apply(Message current, Instant now);
    }

    private final MessageRepository repository;
    private final EventPublisher events;
    private final Wakeup wakeup;
    private final MessageMetrics metrics;
    private final Clock clock;

    Transitions(MessageRepository repository, EventPublisher events, Wakeup wakeup, MessageMetrics metrics, Clock clock) {
        this.repository = repository;
        this.metrics = metrics;
        this.events = events;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    /** Locks the message and moves it; an unknown id is logged and ignored. */
    void change(String messageId, Lifecycle.Trigger trigger, Change change, EventType... types) {
        Optional<Message> m = repository.lock(messageId);
        if (m.isEmpty()) {
            log.warn("{} for unknown message {}", trigger, messageId);
            return;
        }
        change(m.get(), trigger, change, types);
    }

    /** Moves a locked message if the lifecycle allows it and publishes the events in the same transaction. */
    void change(Message current, Lifecycle.Trigger trigger, Change change, EventType... types) {
        if (Lifecycle.next(current.state(), trigger).isEmpty()) {
            log.info("{} ignored for message {} in state {}", trigger, current.id(), current.status());
            return;
        }
        Instant now = Times.now(clock);
        Message updated = change.apply(current, now);
        if (Lifecycle.next(current.state(), trigger).get() != updated.state()) {
            throw new IllegalStateException("change disagrees with the lifecycle: " + trigger);
        }
        repository.update(updated, null);
        metrics.changed(updated, now);
        events.publish(updated.organizationId(), updated.id(), Payloads.of(updated), List.of(types));
    }

    /** Stores a new outbound message, queued; the sender is woken once the caller's transaction committed. */
    Message queue(String organizationId, String from, String to, String body, String idempotencyKey, Instant now) {
        Message m = new Message(Ids.newId("msg", now), organizationId, MessageDirection.OUTBOUND, from, to, body,
                MessageStatus.QUEUED, SegmentEstimate.of(body), null, null, now, null, null, null);
        repository.insert(m, idempotencyKey, now);
        metrics.queued();
        AfterCommit.run(wakeup::wake);
        return m;
    }

    static Message withState(Message m, MessageStatus state, int segments, String errorCode, String errorMessage,
                             Instant sentAt, Instant deliveredAt, Instant finalizedAt) {
        return new Message(m.id(), m.organizationId(), m.direction(), m.fromNumber(), m.toNumber(), m.body(), state,
                segments, errorCode, Texts.cut(errorMessage), m.createdAt(), sentAt, deliveredAt, finalizedAt);
    }
}
