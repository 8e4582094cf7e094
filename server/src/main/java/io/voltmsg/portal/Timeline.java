package io.voltmsg.portal;

import io.voltmsg.delivery.DeliveryAttemptView;
import io.voltmsg.delivery.DeliveryHistory;
import io.voltmsg.delivery.DeliveryView;
import io.voltmsg.messaging.CarrierAnswer;
import io.voltmsg.messaging.Message;
import io.voltmsg.messaging.MessageDirection;
import io.voltmsg.messaging.MessageStatus;
import io.voltmsg.messaging.MessageTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One timeline per message: its status changes, every carrier answer (segment by segment) and every
 * webhook event with each of its attempts, in time order. Pure: built from what messaging and delivery
 * returned.
 */
public final class Timeline {

    /**
     * One line of the timeline.
     *
     * @param kind {@code status}, {@code carrier}, {@code event} or {@code attempt}
     * @param tone {@code ok}, {@code bad}, {@code wait} or {@code info}, for the page's colours
     * @param link a page with more (a delivery's attempts), or null
     */
    public record Entry(Instant at, String kind, String title, String detail, String tone, String link) {
    }

    private static final List<String> KIND_ORDER = List.of("carrier", "status", "event", "attempt");

    private Timeline() {
    }

    static List<Entry> of(MessageTimeline message, List<DeliveryHistory.MessageDelivery> deliveries,
                          Map<String, String> webhookUrls) {
        List<Entry> entries = new ArrayList<>();
        statusChanges(message.message(), entries);
        for (CarrierAnswer answer : message.carrierAnswers()) {
            entries.add(carrier(answer, message.message().segments()));
        }
        Map<String, DeliveryView> firstOfEvent = new LinkedHashMap<>();
        for (DeliveryHistory.MessageDelivery d : deliveries) {
            firstOfEvent.putIfAbsent(d.delivery().eventId(), d.delivery());
        }
        firstOfEvent.values().forEach(d -> entries.add(new Entry(d.createdAt(), "event", "event " + d.eventType(),
                d.eventId(), "info", null)));
        for (DeliveryHistory.MessageDelivery d : deliveries) {
            DeliveryView v = d.delivery();
            String url = webhookUrls.getOrDefault(v.webhookId(), v.webhookId() + " (deleted)");
            String link = "/settings/webhooks/" + v.webhookId() + "/deliveries/" + v.id();
            if (d.attempts().isEmpty()) {
                entries.add(new Entry(v.createdAt(), "attempt", v.eventType() + " to " + url + ": " + v.status(),
                        v.status().equals("PENDING") ? "waiting to be sent" : "not sent", tone(v.status()), link));
            }
            int n = 0;
            for (DeliveryAttemptView a : d.attempts()) {
                n++;
                String outcome = a.succeeded() ? "HTTP " + a.statusCode() : a.reason();
                entries.add(new Entry(a.attemptedAt(), "attempt", v.eventType() + " to " + url + ": attempt " + n
                        + " → " + outcome, a.durationMs() + " ms; delivery " + v.id() + " is " + v.status(),
                        a.succeeded() ? "ok" : "bad", link));
            }
        }
        // At the same millisecond, a cause comes before what it caused: the carrier's answer, the status it
        // led to, the event about it, then the attempts to send that event.
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> KIND_ORDER.indexOf(e.kind())));
        return entries;
    }

    private static void statusChanges(Message m, List<Entry> entries) {
        if (m.direction() == MessageDirection.INBOUND) {
            entries.add(new Entry(m.createdAt(), "status", "received", "from " + m.fromNumber(), "ok", null));
            return;
        }
        entries.add(new Entry(m.createdAt(), "status", "queued", "to " + m.toNumber(), "info", null));
        if (m.sentAt() != null) {
            entries.add(new Entry(m.sentAt(), "status", "sent", "the carrier accepted every segment ("
                    + m.segments() + ")", "info", null));
        }
        if (m.deliveredAt() != null) {
            entries.add(new Entry(m.deliveredAt(), "status", "delivered", "every segment's receipt said DELIVRD", "ok",
                    null));
        } else if (m.state() == MessageStatus.UNDELIVERED || m.state() == MessageStatus.FAILED) {
            entries.add(new Entry(m.finalizedAt(), "status", m.status(),
                    (m.errorCode() == null ? "" : m.errorCode() + ": ") + (m.errorMessage() == null ? "" : m.errorMessage()),
                    "bad", null));
        }
    }

    private static Entry carrier(CarrierAnswer a, int segments) {
        String segment = a.segmentIndex() == null ? "" : " segment " + (a.segmentIndex() + 1) + "/" + Math.max(segments,
                a.segmentIndex() + 1);
        String carrierId = a.carrierMessageId() == null ? "" : "carrier id " + a.carrierMessageId();
        return switch (a.kind()) {
            case CarrierAnswer.SUBMIT_RESP -> a.commandStatus() != null && a.commandStatus() == 0
                    ? new Entry(a.answeredAt(), "carrier", "submit_sm_resp" + segment + ": accepted",
                    carrierId + ", command_status " + hex(a.commandStatus()), "info", null)
                    : new Entry(a.answeredAt(), "carrier", "submit_sm_resp" + segment + ": refused",
                    (a.detail() == null ? "" : a.detail() + ", ") + "command_status " + hex(a.commandStatus()), "bad", null);
            case CarrierAnswer.RECEIPT -> new Entry(a.answeredAt(), "carrier", "receipt" + segment + ": " + a.stat(),
                    (a.err() == null ? "" : "err " + a.err() + ", ") + carrierId,
                    "DELIVRD".equals(a.stat()) ? "ok" : "ACCEPTD".equals(a.stat()) || "ENROUTE".equals(a.stat())
                            || "UNKNOWN".equals(a.stat()) ? "info" : "bad", null);
            default -> new Entry(a.answeredAt(), "carrier", "no submit_sm_resp", a.detail(), "wait", null);
        };
    }

    private static String tone(String deliveryStatus) {
        return switch (deliveryStatus) {
            case "DELIVERED" -> "ok";
            case "PENDING" -> "wait";
            case "FAILED" -> "bad";
            default -> "info";
        };
    }

    private static String hex(Integer value) {
        return value == null ? "?" : String.format(Locale.ROOT, "0x%08X", value);
    }
}
