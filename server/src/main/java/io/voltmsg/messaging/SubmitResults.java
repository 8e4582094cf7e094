package io.voltmsg.messaging;

import io.voltmsg.carrier.SubmitOutcome;
import io.voltmsg.delivery.EventType;
import io.voltmsg.shared.GroupCommit;
import io.voltmsg.shared.GroupCommits;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sender's side of the store: claiming queued messages for submission, and recording what the carrier answered
 * (accepted, refused, or no answer because the link went away).
 */
@Component
class SubmitResults {

    private static final Logger log = LoggerFactory.getLogger(SubmitResults.class);

    private final MessageRepository repository;
    private final Transitions transitions;
    private final Receipts receipts;
    private final CarrierAnswers answers;
    private final MessagingProperties properties;
    /** Records the carrier's answers to concurrent submits in shared transactions (group commit). */
    private final GroupCommit writer;
    private final Clock clock;

    SubmitResults(MessageRepository repository, Transitions transitions, Receipts receipts, CarrierAnswers answers,
                  MessagingProperties properties, GroupCommits groupCommits,
                  Clock clock) {
        this.answers = answers;
        this.repository = repository;
        this.transitions = transitions;
        this.receipts = receipts;
        this.properties = properties;
        this.writer = groupCommits.writer("carrier-answers", MessageService.GROUP_LIMIT);
        this.clock = clock;
    }

    /** Messages claimed for submission, held until {@code leaseUntil}. */
    record Claim(List<Message> messages, Instant leaseUntil) {
    }

    /** Due queued messages (and sending ones whose lease ran out), now sending with a lease. */
    Claim claim(int limit) {
        Instant now = Times.now(clock);
        Instant leaseUntil = now.plus(properties.lease());
        // Through the answers' writer: under load the claim is committed with the answers recorded meanwhile.
        List<String> ids = writer.execute(() -> repository.claimDue(now, leaseUntil, limit));
        return new Claim(ids == null || ids.isEmpty() ? List.of() : repository.load(ids), leaseUntil);
    }

    /**
     * The carrier accepted every segment: sent, with one row per segment for its receipts. Answers are recorded only
     * while the claim that submitted the message still holds it: once its lease ran out and another claim took the
     * message, that claim submits it and records its own answer.
     */
    void accepted(String messageId, Instant claimedUntil, SubmitOutcome.Accepted outcome) {
        // Every carrier id gets a segment row, so the message's segment count is at least theirs.
        int segments = Math.max(1, Math.max(outcome.segments(), outcome.carrierMessageIds().size()));
        writer.run(() -> claimed(messageId, claimedUntil).ifPresent(m ->
                transitions.change(m, Lifecycle.Trigger.ACCEPTED, (current, now) -> {
                    for (int i = 0; i < outcome.carrierMessageIds().size(); i++) {
                        repository.insertSegment(messageId, i, outcome.carrierMessageIds().get(i), now);
                    }
                    answers.accepted(messageId, outcome.carrierMessageIds(), now);
                    return Transitions.withState(current, MessageStatus.SENT, segments, null, null, now, null, null);
                }, EventType.MESSAGE_SENT)));
        receipts.applyKeptHere(outcome.carrierMessageIds());
    }

    void refused(String messageId, Instant claimedUntil, SubmitOutcome.Refused outcome) {
        writer.run(() -> claimed(messageId, claimedUntil).ifPresent(m ->
                transitions.change(m, Lifecycle.Trigger.REFUSED, (current, now) -> {
                    answers.refused(messageId, outcome.commandStatus(), outcome.reason(), now);
                    return Transitions.withState(current, MessageStatus.FAILED, current.segments(), "SUBMIT_REFUSED",
                            "carrier refused the message: " + outcome.reason() + " (command_status 0x"
                                    + Integer.toHexString(outcome.commandStatus()) + ")", null, null, now);
                }, EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED)));
    }

    /** No answer came (link down or dropped): back to queued, submitted again after the next bind. */
    void linkLost(String messageId, Instant claimedUntil) {
        writer.run(() -> claimed(messageId, claimedUntil).ifPresent(m -> {
            if (Lifecycle.next(m.state(), Lifecycle.Trigger.LINK_LOST).isPresent()) {
                Instant now = Times.now(clock);
                repository.update(Transitions.withState(m, MessageStatus.QUEUED, m.segments(), null, null, null, null,
                        null), now);
                answers.noAnswer(messageId, now);
            }
        }));
    }

    private Optional<Message> claimed(String messageId, Instant claimedUntil) {
        Optional<Message> m = repository.lockClaimed(messageId, claimedUntil);
        if (m.isEmpty()) {
            log.info("The carrier's answer for {} came after its claim ran out; the claim that took it over decides",
                    messageId);
        }
        return m;
    }
}
