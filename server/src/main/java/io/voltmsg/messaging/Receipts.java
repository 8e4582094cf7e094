package io.voltmsg.messaging;

import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.delivery.EventType;
import io.voltmsg.shared.GroupCommit;
import io.voltmsg.shared.GroupCommits;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery receipts, one per segment: applied to the message by the rules of DESIGN.md §6, or kept as an orphan
 * while the submit_sm_resp that names the carrier id is not recorded yet.
 */
@Component
class Receipts {

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);
    private static final int ORPHAN_BATCH = 100;
    /** The stage that records deliver_sm PDUs, receipts and inbound messages alike. */
    static final String CARRIER_EVENTS = "carrier-events";
    /** At most this many carrier ids of receipts kept here are remembered; the sweep finds the others. */
    private static final int REMEMBERED_ORPHANS = 100_000;

    private final MessageRepository repository;
    private final Transitions transitions;
    private final CarrierAnswers answers;
    private final MessagingProperties properties;
    private final TransactionTemplate transactions;
    private final GroupCommit writer;
    /**
     * Carrier ids of receipts this instance kept because their submit was not recorded yet: the submit's recording
     * looks here, not in the database, so that a usual submit costs no orphan query. Kept receipts this set does not
     * name (kept by another instance, or before a restart) are applied by the sender's sweep.
     */
    private final Set<String> keptHere = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    Receipts(MessageRepository repository, Transitions transitions, CarrierAnswers answers,
             MessagingProperties properties, TransactionTemplate transactions, GroupCommits groupCommits, Clock clock) {
        this.answers = answers;
        this.repository = repository;
        this.transitions = transitions;
        this.properties = properties;
        this.transactions = transactions;
        this.writer = groupCommits.writer(CARRIER_EVENTS, MessageService.GROUP_LIMIT);
        this.clock = clock;
    }

    /** A receipt for one segment. Kept as an orphan when its carrier id is not (yet) known. */
    void receipt(DeliveryReceipt receipt) {
        String carrierId = receipt.carrierMessageId();
        Boolean orphaned = writer.execute(() -> {
            Optional<MessageRepository.Segment> segment = repository.segmentByCarrierId(carrierId);
            if (segment.isEmpty()) {
                repository.insertOrphan(Ids.newId("rct", receipt.receivedAt()), carrierId, receipt.stat().name(),
                        Texts.cutErr(receipt.err()), receipt.receivedAt());
                return true;
            }
            apply(segment.get(), receipt.stat().name(), receipt.err(), receipt.receivedAt());
            return false;
        });
        if (Boolean.TRUE.equals(orphaned)) {
            if (keptHere.size() < REMEMBERED_ORPHANS) {
                keptHere.add(carrierId);
            }
            // The submit_sm_resp may have been recorded while we stored the orphan: look again after our commit.
            if (repository.segmentByCarrierId(carrierId).isPresent()) {
                applyOrphans(List.of(carrierId));
            } else {
                log.info("Receipt {} for carrier id {} matches no message (yet); kept until its submit is recorded",
                        receipt.stat(), carrierId);
            }
        }
    }

    /** After a submit was recorded: applies the receipts for its carrier ids that this instance kept. */
    void applyKeptHere(List<String> carrierIds) {
        if (keptHere.isEmpty()) {
            return;
        }
        List<String> kept = carrierIds.stream().filter(keptHere::contains).toList();
        if (!kept.isEmpty()) {
            applyOrphans(kept);
        }
    }

    /** Applies kept receipts whose carrier ids are now known; each is taken by exactly one thread. */
    void applyOrphans(List<String> carrierIds) {
        carrierIds.forEach(keptHere::remove);
        for (MessageRepository.Orphan orphan : repository.orphansFor(carrierIds)) {
            transactions.executeWithoutResult(tx -> {
                if (repository.deleteOrphan(orphan.id())) {
                    repository.segmentByCarrierId(orphan.carrierMessageId())
                            .ifPresent(segment -> apply(segment, orphan.stat(), orphan.err(), orphan.receivedAt()));
                }
            });
        }
    }

    /**
     * Applies kept receipts whose carrier ids became known without them being applied: the submit's answer and the
     * receipt are recorded in separate transactions, each looking for the other after its commit, and a process
     * killed between a commit and that look leaves the receipt kept. Returns how many carrier ids it looked at.
     */
    int applyKnownOrphans() {
        List<String> carrierIds = repository.knownOrphanCarrierIds(ORPHAN_BATCH);
        applyOrphans(carrierIds);
        return carrierIds.size();
    }

    /** Forgets kept receipts whose submit never became known within the receipt timeout (and an hour). */
    void purgeOrphans() {
        int purged = repository.deleteOrphansBefore(Times.now(clock).minus(properties.receiptTimeout()).minusSeconds(3600));
        if (purged > 0) {
            log.info("Purged {} receipts whose carrier id never became known", purged);
        }
    }

    /** Applies a receipt to its segment; every receipt is kept for the timeline, a late one too. */
    private void apply(MessageRepository.Segment segment, String statName, String err, Instant receivedAt) {
        DeliveryReceipt.Stat stat = DeliveryReceipt.Stat.valueOf(statName);
        Message m = repository.lock(segment.messageId()).orElseThrow();
        answers.receipt(m.id(), segment.index(), segment.carrierMessageId(), statName, err, receivedAt);
        if (m.state().isFinal()) {
            log.debug("Late receipt {} for final message {} ({}) ignored", stat, m.id(), m.status());
            return;
        }
        Instant now = Times.now(clock);
        switch (Lifecycle.effectOf(stat)) {
            case NO_CHANGE -> {
                if (segment.stat() == null || Lifecycle.effectOf(DeliveryReceipt.Stat.valueOf(segment.stat()))
                        == Lifecycle.ReceiptEffect.NO_CHANGE) {
                    repository.updateSegment(m.id(), segment.index(), statName, Texts.cutErr(err), now);
                }
            }
            case DELIVERED -> {
                repository.updateSegment(m.id(), segment.index(), statName, Texts.cutErr(err), now);
                // A one-segment message has no other segment to wait for (accepting records one row per segment).
                if (m.segments() <= 1 || repository.segmentsNotDelivered(m.id()) == 0) {
                    transitions.change(m, Lifecycle.Trigger.DELIVERED, (msg, at) -> Transitions.withState(msg,
                            MessageStatus.DELIVERED, msg.segments(), null, null, msg.sentAt(), at, at),
                            EventType.MESSAGE_DELIVERED, EventType.MESSAGE_FINALIZED);
                }
            }
            case UNDELIVERED -> {
                repository.updateSegment(m.id(), segment.index(), statName, Texts.cutErr(err), now);
                transitions.change(m, Lifecycle.Trigger.UNDELIVERED, (msg, at) -> Transitions.withState(msg,
                        MessageStatus.UNDELIVERED, msg.segments(), statName,
                        err == null ? "receipt " + statName : "receipt " + statName + ", err " + err,
                        msg.sentAt(), null, at), EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED);
            }
        }
    }
}
