package io.voltmsg.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.carrier.SubmitOutcome;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Receipts against the message store, driven directly (no carrier): receipts before their submit_sm_resp was
 * recorded, per-segment rules for long messages, late and duplicate receipts.
 */
class ReceiptHandlingTest extends IntegrationTest {

    @Autowired
    Receipts receipts;
    @Autowired
    SubmitResults submits;
    @Autowired
    Sweeps sweeps;
    @Autowired
    InboundMessages inbound;
    @Autowired
    MessageRepository repository;
    @Autowired
    JdbcClient jdbc;

    /** The lease of the claim under which the test's messages are being submitted. */
    static final Instant CLAIM = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aReceiptBeforeItsSubmitRespIsKeptAndAppliedOnceTheCarrierIdIsKnown() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = registered(receiver);
            String id = sendingMessage(org);
            String carrierId = "c-" + UUID.randomUUID();

            receipts.receipt(receipt(carrierId, DeliveryReceipt.Stat.DELIVRD));
            assertThat(orphans(carrierId)).isEqualTo(1);
            assertThat(status(id)).isEqualTo("SENDING");

            submits.accepted(id, CLAIM, new SubmitOutcome.Accepted(List.of(carrierId), 1));
            assertThat(status(id)).isEqualTo("DELIVERED");
            assertThat(orphans(carrierId)).isZero();
            List<JsonNode> events = MessagingEndToEndTest.awaitEvents(receiver, id, 3);
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("message.sent", "message.delivered", "message.finalized");

            // late and duplicate receipts never move a final message, and publish nothing
            receipts.receipt(receipt(carrierId, DeliveryReceipt.Stat.UNDELIV));
            receipts.receipt(receipt(carrierId, DeliveryReceipt.Stat.DELIVRD));
            assertThat(status(id)).isEqualTo("DELIVERED");
            assertThat(MessagingEndToEndTest.awaitEvents(receiver, id, 3)).hasSize(3);
        }
    }

    @Test
    void receiptsRacingTheirSubmitRespAreNeverLost() throws Exception {
        TestOrganization org = newOrganization();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = sendingMessage(org);
            String carrierId = "race-" + UUID.randomUUID();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Void> receipt = CompletableFuture.runAsync(() -> {
                await(start);
                receipts.receipt(receipt(carrierId, DeliveryReceipt.Stat.DELIVRD));
            });
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                await(start);
                submits.accepted(id, CLAIM, new SubmitOutcome.Accepted(List.of(carrierId), 1));
            });
            CompletableFuture.allOf(receipt, accepted).get();
            ids.add(id);
        }
        for (String id : ids) {
            assertThat(status(id)).as(id).isEqualTo("DELIVERED");
        }
        assertThat(jdbc.sql("select count(*) from events where message_id in (:ids) and type = 'message.finalized'")
                .param("ids", ids).query(Integer.class).single()).isEqualTo(ids.size());
    }

    @Test
    void anAnswerToAClaimThatRanOutAndWasTakenOverIsLeftToTheNewClaim() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = registered(receiver);
            String id = sendingMessage(org);
            Instant earlierClaim = CLAIM.minus(Duration.ofMinutes(5));
            submits.accepted(id, earlierClaim, new SubmitOutcome.Accepted(List.of("late-" + id), 1));
            submits.refused(id, earlierClaim, new SubmitOutcome.Refused(0x45, "late"));
            submits.linkLost(id, earlierClaim);
            assertThat(status(id)).isEqualTo("SENDING");
            assertThat(jdbc.sql("select count(*) from events where message_id = ?").param(id).query(Integer.class)
                    .single()).isZero();

            submits.accepted(id, CLAIM, new SubmitOutcome.Accepted(List.of("current-" + id), 1));
            assertThat(status(id)).isEqualTo("SENT");
        }
    }

    @Test
    void aLongMessageIsDeliveredWhenEverySegmentIsAndUndeliveredAsSoonAsOneFails() {
        TestOrganization org = newOrganization();
        String delivered = sendingMessage(org);
        submits.accepted(delivered, CLAIM, new SubmitOutcome.Accepted(List.of("seg-a-" + delivered, "seg-b-" + delivered), 2));
        receipts.receipt(receipt("seg-a-" + delivered, DeliveryReceipt.Stat.DELIVRD));
        assertThat(status(delivered)).isEqualTo("SENT");
        receipts.receipt(receipt("seg-b-" + delivered, DeliveryReceipt.Stat.ENROUTE));
        assertThat(status(delivered)).isEqualTo("SENT");
        receipts.receipt(receipt("seg-b-" + delivered, DeliveryReceipt.Stat.DELIVRD));
        assertThat(status(delivered)).isEqualTo("DELIVERED");

        String failed = sendingMessage(org);
        submits.accepted(failed, CLAIM, new SubmitOutcome.Accepted(List.of("seg-c-" + failed, "seg-d-" + failed), 2));
        receipts.receipt(receipt("seg-c-" + failed, DeliveryReceipt.Stat.REJECTD));
        assertThat(status(failed)).isEqualTo("UNDELIVERED");
        assertThat(jdbc.sql("select error_code from messages where id = ?").param(failed).query(String.class).single())
                .isEqualTo("REJECTD");
        receipts.receipt(receipt("seg-d-" + failed, DeliveryReceipt.Stat.DELIVRD));
        assertThat(status(failed)).isEqualTo("UNDELIVERED");
        assertThat(jdbc.sql("select type from events where message_id = ? order by sequence_number").param(failed)
                .query(String.class).list()).containsExactly("message.sent", "message.failed", "message.finalized");
    }

    /** A process killed between the acceptance's commit and applying the receipt kept meanwhile leaves exactly this. */
    @Test
    void aKeptReceiptWhoseSubmitWasRecordedWithoutApplyingItIsAppliedByTheSweep() {
        TestOrganization org = newOrganization();
        String id = sendingMessage(org);
        String carrierId = "crash-" + UUID.randomUUID();
        submits.accepted(id, CLAIM, new SubmitOutcome.Accepted(List.of(carrierId), 1));
        repository.insertOrphan(Ids.newId("rct", Instant.now()), carrierId, "DELIVRD", "000", Instant.now());
        assertThat(status(id)).isEqualTo("SENT");

        receipts.applyKnownOrphans(); // the sender's loop may get there first: either way once
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(orphans(carrierId)).isZero();
        assertThat(jdbc.sql("select type from events where message_id = ? order by sequence_number").param(id)
                .query(String.class).list()).containsExactly("message.sent", "message.delivered", "message.finalized");
    }

    @Test
    void aReceiptForAnIdNobodyKnowsIsKeptNotFatal() {
        String carrierId = "nobody-" + UUID.randomUUID();
        receipts.receipt(receipt(carrierId, DeliveryReceipt.Stat.DELIVRD));
        assertThat(orphans(carrierId)).isEqualTo(1);
    }

    @Test
    void overdueReceiptsExpireAndUnsubmittableMessagesFailEachFinalizedOnce() {
        TestOrganization org = newOrganization();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // sent 73 h ago (receipt-timeout is 72 h) and never a final receipt
        Message sent = new Message(Ids.newId("msg", now), org.id(), MessageDirection.OUTBOUND, org.phoneNumber(),
                uniqueNumber(), "old", MessageStatus.SENT, 1, null, null, now.minus(Duration.ofHours(73)),
                now.minus(Duration.ofHours(73)), null, null);
        repository.insert(sent, null, null);
        // queued 11 h ago (validity is 10 h) and never accepted; not due, so the sender leaves it alone
        Message queued = new Message(Ids.newId("msg", now), org.id(), MessageDirection.OUTBOUND, org.phoneNumber(),
                uniqueNumber(), "stale", MessageStatus.QUEUED, 1, null, null, now.minus(Duration.ofHours(11)), null, null,
                null);
        repository.insert(queued, null, now.plus(Duration.ofDays(1)));

        sweeps.sweep(); // the sender's own sweep may get there first: either way exactly once
        sweeps.sweep();
        assertThat(status(sent.id())).isEqualTo("UNDELIVERED");
        assertThat(jdbc.sql("select error_code from messages where id = ?").param(sent.id()).query(String.class).single())
                .isEqualTo("EXPIRED");
        assertThat(status(queued.id())).isEqualTo("FAILED");
        assertThat(jdbc.sql("select error_code from messages where id = ?").param(queued.id()).query(String.class).single())
                .isEqualTo("VALIDITY_EXPIRED");
        for (String id : List.of(sent.id(), queued.id())) {
            assertThat(jdbc.sql("select type from events where message_id = ? order by sequence_number").param(id)
                    .query(String.class).list()).containsExactly("message.failed", "message.finalized");
        }
    }

    @Test
    void inboundToANumberNobodyOwnsIsAcknowledgedAndDropped() {
        String nobody = uniqueNumber();
        inbound.inbound(new io.voltmsg.carrier.InboundSms(uniqueNumber(), nobody, "hello?", Instant.now(), 1));
        assertThat(jdbc.sql("select count(*) from messages where to_number = ?").param(nobody).query(Integer.class)
                .single()).isZero();
    }

    /** A message in state sending that the sender will not claim (its next attempt is far away). */
    /** A message being submitted, claimed until {@link #CLAIM}. */
    String sendingMessage(TestOrganization org) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Message m = new Message(Ids.newId("msg", now), org.id(), MessageDirection.OUTBOUND, org.phoneNumber(),
                uniqueNumber(), "direct", MessageStatus.SENDING, 1, null, null, now, null, null, null);
        repository.insert(m, null, now.plus(Duration.ofDays(1)));
        jdbc.sql("update messages set lease_until = ? where id = ?").params(Times.sql(CLAIM), m.id()).update();
        return m.id();
    }

    static DeliveryReceipt receipt(String carrierId, DeliveryReceipt.Stat stat) {
        return new DeliveryReceipt(carrierId, stat, stat == DeliveryReceipt.Stat.DELIVRD ? "000" : "001", null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    String status(String id) {
        return jdbc.sql("select status from messages where id = ?").param(id).query(String.class).single();
    }

    int orphans(String carrierId) {
        return jdbc.sql("select count(*) from orphan_receipts where carrier_message_id = ?").param(carrierId)
                .query(Integer.class).single();
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TestOrganization registered(TestReceiver receiver) {
        TestOrganization org = newOrganization();
        assertThat(org.api().execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                java.util.Map.of("u", receiver.url())).hasErrors()).isFalse();
        receiver.clear();
        return org;
    }
}
