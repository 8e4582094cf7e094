package io.voltmsg.messaging;

import io.voltmsg.carrier.SubmitOutcome;
import io.voltmsg.delivery.EventType;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's side of the store: claiming queued messages for submission, and recording what the carrier answered
 * (accepted, refused, or no answer because the link went away).
 */
@Component
class SubmitResults {

    private final MessageRepository repository;
    private final Transitions transitions;
    private final Receipts receipts;
    private final CarrierAnswers answers;
    private final MessagingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubmitResults(MessageRepository repository, Transitions transitions, Receipts receipts, CarrierAnswers answers,
                  MessagingProperties properties, TransactionTemplate transactions, Clock clock) {
        this.answers = answers;
        this.repository = repository;
        this.transitions = transitions;
        this.receipts = receipts;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Due queued messages, now sending with a lease. */
    List<Message> claim(int limit) {
        Instant now = Times.now(clock);
        List<String> ids = transactions.execute(tx -> repository.claimDue(now, now.plus(properties.lease()), limit));
        return ids == null || ids.isEmpty() ? List.of() : repository.load(ids);
    }

    /** The carrier accepted every segment: sent, with one row per segment for its receipts. */
    void accepted(String messageId, SubmitOutcome.Accepted outcome) {
        transactions.executeWithoutResult(tx -> transitions.change(messageId, Lifecycle.Trigger.ACCEPTED, (m, now) -> {
            for (int i = 0; i < outcome.carrierMessageIds().size(); i++) {
                repository.insertSegment(messageId, i, outcome.carrierMessageIds().get(i), now);
            }
            answers.accepted(messageId, outcome.carrierMessageIds(), now);
            return Transitions.withState(m, MessageStatus.SENT, Math.max(1, outcome.segments()), null, null, now, null,
                    null);
        }, EventType.MESSAGE_SENT));
        receipts.applyOrphans(outcome.carrierMessageIds());
    }

    void refused(String messageId, SubmitOutcome.Refused outcome) {
        transactions.executeWithoutResult(tx -> transitions.change(messageId, Lifecycle.Trigger.REFUSED, (m, now) -> {
            answers.refused(messageId, outcome.commandStatus(), outcome.reason(), now);
            return Transitions.withState(m, MessageStatus.FAILED, m.segments(), "SUBMIT_REFUSED",
                    "carrier refused the message: " + outcome.reason() + " (command_status 0x"
                            + Integer.toHexString(outcome.commandStatus()) + ")", null, null, now);
        }, EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED));
    }

    /** No answer came (link down or dropped): back to queued, submitted again after the next bind. */
    void linkLost(String messageId) {
        transactions.executeWithoutResult(tx -> {
            Optional<Message> m = repository.lock(messageId);
            if (m.isPresent() && Lifecycle.next(m.get().state(), Lifecycle.Trigger.LINK_LOST).isPresent()) {
                Instant now = Times.now(clock);
                repository.update(Transitions.withState(m.get(), MessageStatus.QUEUED, m.get().segments(), null, null,
                        null, null, null), now);
                answers.noAnswer(messageId, now);
            }
        });
    }
}
