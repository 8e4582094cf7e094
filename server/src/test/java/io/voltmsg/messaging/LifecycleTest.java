package io.voltmsg.messaging;

import static io.voltmsg.messaging.Lifecycle.Trigger.ACCEPTED;
import static io.voltmsg.messaging.Lifecycle.Trigger.CLAIMED;
import static io.voltmsg.messaging.Lifecycle.Trigger.DELIVERED;
import static io.voltmsg.messaging.Lifecycle.Trigger.LINK_LOST;
import static io.voltmsg.messaging.Lifecycle.Trigger.RECEIPT_TIMEOUT;
import static io.voltmsg.messaging.Lifecycle.Trigger.REFUSED;
import static io.voltmsg.messaging.Lifecycle.Trigger.UNDELIVERED;
import static io.voltmsg.messaging.Lifecycle.Trigger.VALIDITY_EXPIRED;
import static io.voltmsg.messaging.MessageStatus.FAILED;
import static io.voltmsg.messaging.MessageStatus.QUEUED;
import static io.voltmsg.messaging.MessageStatus.RECEIVED;
import static io.voltmsg.messaging.MessageStatus.SENDING;
import static io.voltmsg.messaging.MessageStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.carrier.DeliveryReceipt;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {

    /** Every allowed transition; everything else must be refused. */
    static final Map<String, MessageStatus> ALLOWED = new HashMap<>();

    static {
        ALLOWED.put(QUEUED + "/" + CLAIMED, SENDING);
        ALLOWED.put(SENDING + "/" + LINK_LOST, QUEUED);
        ALLOWED.put(SENDING + "/" + ACCEPTED, SENT);
        ALLOWED.put(SENDING + "/" + REFUSED, FAILED);
        ALLOWED.put(QUEUED + "/" + VALIDITY_EXPIRED, FAILED);
        ALLOWED.put(SENDING + "/" + VALIDITY_EXPIRED, FAILED);
        ALLOWED.put(SENT + "/" + DELIVERED, MessageStatus.DELIVERED);
        ALLOWED.put(SENT + "/" + UNDELIVERED, MessageStatus.UNDELIVERED);
        ALLOWED.put(SENT + "/" + RECEIPT_TIMEOUT, MessageStatus.UNDELIVERED);
    }

    @Test
    void theWholeTableOfStatesAndTriggers() {
        for (MessageStatus from : MessageStatus.values()) {
            for (Lifecycle.Trigger trigger : Lifecycle.Trigger.values()) {
                Optional<MessageStatus> expected = Optional.ofNullable(ALLOWED.get(from + "/" + trigger));
                assertThat(Lifecycle.next(from, trigger)).as(from + " --" + trigger + "-->").isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = MessageStatus.class, names = {"DELIVERED", "UNDELIVERED", "FAILED", "RECEIVED"})
    void nothingMovesAFinalMessage(MessageStatus finalStatus) {
        assertThat(finalStatus.isFinal()).isTrue();
        for (Lifecycle.Trigger trigger : Lifecycle.Trigger.values()) {
            assertThat(Lifecycle.next(finalStatus, trigger)).as(finalStatus + " " + trigger).isEmpty();
        }
    }

    @Test
    void lateOrDuplicateReceiptsNeverMoveAFinalMessage() {
        assertThat(Lifecycle.next(MessageStatus.DELIVERED, UNDELIVERED)).isEmpty();
        assertThat(Lifecycle.next(MessageStatus.DELIVERED, DELIVERED)).isEmpty();
        assertThat(Lifecycle.next(MessageStatus.UNDELIVERED, DELIVERED)).isEmpty();
        assertThat(Lifecycle.next(FAILED, DELIVERED)).isEmpty();
        // a receipt cannot outrun acceptance: sending/queued messages are not delivered
        assertThat(Lifecycle.next(SENDING, DELIVERED)).isEmpty();
        assertThat(Lifecycle.next(QUEUED, DELIVERED)).isEmpty();
        // an acknowledged message is never claimed (submitted) again
        assertThat(Lifecycle.next(SENT, CLAIMED)).isEmpty();
        assertThat(Lifecycle.next(SENT, LINK_LOST)).isEmpty();
        assertThat(Lifecycle.next(RECEIVED, CLAIMED)).isEmpty();
    }

    @Test
    void receiptStatsMapAsDesignSection6() {
        assertThat(Lifecycle.effectOf(DeliveryReceipt.Stat.DELIVRD)).isEqualTo(Lifecycle.ReceiptEffect.DELIVERED);
        for (DeliveryReceipt.Stat stat : EnumSet.of(DeliveryReceipt.Stat.UNDELIV, DeliveryReceipt.Stat.EXPIRED,
                DeliveryReceipt.Stat.REJECTD, DeliveryReceipt.Stat.DELETED)) {
            assertThat(Lifecycle.effectOf(stat)).as(stat.name()).isEqualTo(Lifecycle.ReceiptEffect.UNDELIVERED);
        }
        for (DeliveryReceipt.Stat stat : EnumSet.of(DeliveryReceipt.Stat.ACCEPTD, DeliveryReceipt.Stat.ENROUTE,
                DeliveryReceipt.Stat.UNKNOWN)) {
            assertThat(Lifecycle.effectOf(stat)).as(stat.name()).isEqualTo(Lifecycle.ReceiptEffect.NO_CHANGE);
        }
    }

    @Test
    void segmentEstimateFollowsGsmAndUcs2Limits() {
        assertThat(SegmentEstimate.of("a".repeat(160))).isEqualTo(1);
        assertThat(SegmentEstimate.of("a".repeat(161))).isEqualTo(2);
        assertThat(SegmentEstimate.of("a".repeat(306))).isEqualTo(2);
        assertThat(SegmentEstimate.of("a".repeat(307))).isEqualTo(3);
        assertThat(SegmentEstimate.of("€".repeat(80))).isEqualTo(1);
        assertThat(SegmentEstimate.of("€".repeat(81))).isEqualTo(2);
        assertThat(SegmentEstimate.of("ж".repeat(70))).isEqualTo(1);
        assertThat(SegmentEstimate.of("ж".repeat(71))).isEqualTo(2);
        assertThat(SegmentEstimate.of("😀".repeat(35))).isEqualTo(1);
    }

}
