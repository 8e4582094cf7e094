package io.voltmsg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.delivery.DeliveryAttemptView;
import io.voltmsg.delivery.DeliveryHistory;
import io.voltmsg.delivery.DeliveryView;
import io.voltmsg.messaging.CarrierAnswer;
import io.voltmsg.messaging.Message;
import io.voltmsg.messaging.MessageDirection;
import io.voltmsg.messaging.MessageStatus;
import io.voltmsg.messaging.MessageTimeline;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's pure parts: filters read from URLs (hostile ones too), and the merged message timeline. */
class PortalRulesTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final List<String> TYPES = DeliveryHistory.eventTypes();

    @Test
    void deliveryFiltersAreReadFromTheUrlAndWrittenBack() {
        DeliveryQuery q = DeliveryQuery.parse("failed", "message.sent", "24h", null, null, " evt_01M8Y5GCPVVHG0QZVRTPMDZE7W ",
                TYPES, NOW);
        assertThat(q.errors()).isEmpty();
        assertThat(q.filter().status()).isEqualTo("FAILED");
        assertThat(q.filter().eventType()).isEqualTo("message.sent");
        assertThat(q.filter().from()).isEqualTo(NOW.minusSeconds(86_400));
        assertThat(q.filter().eventId()).isEqualTo("evt_01M8Y5GCPVVHG0QZVRTPMDZE7W");
        assertThat(q.queryString()).isEqualTo("status=FAILED&type=message.sent&range=24h&q=evt_01M8Y5GCPVVHG0QZVRTPMDZE7W");
        assertThat(DeliveryQuery.parse(null, null, null, null, null, "msg_01M8Y5GCPVVHG0QZVRTPMDZE7W", TYPES, NOW)
                .filter().messageId()).isEqualTo("msg_01M8Y5GCPVVHG0QZVRTPMDZE7W");
        DeliveryQuery phone = DeliveryQuery.parse(null, null, null, null, null, "+15550100001", TYPES, NOW);
        assertThat(phone.phoneNumber()).isEqualTo("+15550100001");
        assertThat(phone.withMessages(List.of("msg_a")).messageIds()).containsExactly("msg_a");
        assertThat(DeliveryQuery.parse(null, null, null, null, null, null, TYPES, NOW).filtered()).isFalse();
    }

    @Test
    void aCustomRangeIsReadAsUtcAndItsEndMustFollowItsStart() {
        DeliveryQuery q = DeliveryQuery.parse(null, null, "custom", "2026-11-01T08:30", "2026-11-02T00:00", null, TYPES, NOW);
        assertThat(q.filter().from()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
        assertThat(q.filter().to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(q.queryString()).isEqualTo("range=custom&from=2026-11-01T08%3A30&to=2026-11-02T00%3A00");
        DeliveryQuery backwards = DeliveryQuery.parse(null, null, "custom", "2026-11-02T00:00", "2026-11-01T00:00", null,
                TYPES, NOW);
        assertThat(backwards.errors()).containsKey("to");
        assertThat(backwards.filter().to()).isNull();
    }

    @Test
    void hostileFilterValuesGetAnErrorAndNarrowNothing() {
        DeliveryQuery q = DeliveryQuery.parse("DROP TABLE", "<script>", "forever", "yesterday", "\u0000", "' or 1=1 --",
                TYPES, NOW);
        assertThat(q.errors()).containsKeys("status", "type", "range", "q");
        assertThat(q.filter().status()).isNull();
        assertThat(q.filter().eventType()).isNull();
        assertThat(q.filter().from()).isNull();
        assertThat(q.filter().eventId()).isNull();
        assertThat(q.phoneNumber()).isNull();
        assertThat(q.queryString()).isEmpty();
        Map<String, String> errors = new HashMap<>();
        TimeRange.parse("custom", "28/11/2026", "2026-13-45T99:99", NOW, errors);
        assertThat(errors).containsKeys("from", "to");
    }

    @Test
    void theTimelineMergesStatusCarrierAnswersEventsAndAttemptsInTimeOrder() {
        Instant t0 = NOW;
        Message m = new Message("msg_1", "org_1", MessageDirection.OUTBOUND, "+15550100001", "+15550109999", "hi",
                MessageStatus.UNDELIVERED, 2, "UNDELIV", "receipt UNDELIV, err 001", t0, t0.plusMillis(100), null,
                t0.plusMillis(300));
        List<CarrierAnswer> answers = List.of(
                new CarrierAnswer("a1", "msg_1", 0, CarrierAnswer.SUBMIT_RESP, "c1", 0, null, null, null, t0.plusMillis(100)),
                new CarrierAnswer("a2", "msg_1", 1, CarrierAnswer.SUBMIT_RESP, "c2", 0, null, null, null, t0.plusMillis(100)),
                new CarrierAnswer("a3", "msg_1", 0, CarrierAnswer.RECEIPT, "c1", null, "DELIVRD", "000", null, t0.plusMillis(200)),
                new CarrierAnswer("a4", "msg_1", 1, CarrierAnswer.RECEIPT, "c2", null, "UNDELIV", "001", null, t0.plusMillis(300)));
        DeliveryView sent = new DeliveryView("dlv_1", "wh_1", "evt_1", "message.sent", "msg_1", "DELIVERED", 2, null,
                t0.plusMillis(100), t0.plusMillis(900), "org_1");
        List<DeliveryHistory.MessageDelivery> deliveries = List.of(new DeliveryHistory.MessageDelivery(sent, List.of(
                new DeliveryAttemptView("att_1", "dlv_1", t0.plusMillis(150), 12, 500, "<b>no</b>", null, "h: v\n"),
                new DeliveryAttemptView("att_2", "dlv_1", t0.plusMillis(900), 8, 200, "ok", null, "h: v\n"))));
        List<Timeline.Entry> entries = Timeline.of(new MessageTimeline(m, answers), deliveries,
                Map.of("wh_1", "https://example.com/hook"));
        assertThat(entries).extracting(Timeline.Entry::title).containsExactly(
                "queued",
                "submit_sm_resp segment 1/2: accepted",
                "submit_sm_resp segment 2/2: accepted",
                "sent",
                "event message.sent",
                "message.sent to https://example.com/hook: attempt 1 → HTTP 500",
                "receipt segment 1/2: DELIVRD",
                "receipt segment 2/2: UNDELIV",
                "undelivered",
                "message.sent to https://example.com/hook: attempt 2 → HTTP 200");
        assertThat(entries.get(8).detail()).isEqualTo("UNDELIV: receipt UNDELIV, err 001");
        assertThat(entries.get(5).tone()).isEqualTo("bad");
        assertThat(entries.get(5).link()).isEqualTo("/settings/webhooks/wh_1/deliveries/dlv_1");
    }

    @Test
    void aRefusedSubmitAndALostAnswerAreShownAsTheyWere() {
        Message m = new Message("msg_2", "org_1", MessageDirection.OUTBOUND, "+15550100001", "+15005550002", "hi",
                MessageStatus.FAILED, 1, "SUBMIT_REFUSED", "carrier refused", NOW, null, null, NOW.plusSeconds(2));
        List<Timeline.Entry> entries = Timeline.of(new MessageTimeline(m, List.of(
                new CarrierAnswer("a0", "msg_2", null, CarrierAnswer.NO_ANSWER, null, null, null, null, "link dropped", NOW.plusSeconds(1)),
                new CarrierAnswer("a1", "msg_2", null, CarrierAnswer.SUBMIT_RESP, null, 0x45, null, null, "submit failed",
                        NOW.plusSeconds(2)))), List.of(), Map.of());
        assertThat(entries).extracting(Timeline.Entry::title)
                .containsExactly("queued", "no submit_sm_resp", "submit_sm_resp: refused", "failed");
        assertThat(entries.get(2).detail()).isEqualTo("submit failed, command_status 0x00000045");
    }

    @Test
    void portalPagesAreTheLanesPathsAndStaticFilesAreNot() {
        assertThat(PortalRoutes.isPage("/")).isTrue();
        assertThat(PortalRoutes.isPage("/settings/webhooks/wh_1/deliveries")).isTrue();
        assertThat(PortalRoutes.isPage("/messages")).isTrue();
        assertThat(PortalRoutes.isPage("/messagesX")).isFalse();
        assertThat(PortalRoutes.isPage("/portal/portal.css")).isFalse();
        assertThat(PortalRoutes.isPage("/graphql")).isFalse();
    }
}
