package io.voltmsg.portal;

import io.voltmsg.delivery.DeliveryFilter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of a deliveries page as they stand in its URL ({@code status}, {@code type}, {@code range}
 * with {@code from}/{@code to} for a custom one, {@code q}), read into a filter with an error per bad
 * field, and written back for links. Pure: the time is passed in.
 *
 * <p>{@code q} is an event id ({@code evt_…}), a message id ({@code msg_…}) or an E.164 phone number; a phone
 * number is resolved to message ids by messaging, not here.
 */
public record DeliveryQuery(String status, String type, String range, String from, String to, String q,
                     DeliveryFilter filter, String phoneNumber, Map<String, String> errors) {

    static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED", "SKIPPED", "CANCELLED");
    private static final Pattern EVENT_ID = Pattern.compile("evt_[0-9A-Z]{26}");
    private static final Pattern MESSAGE_ID = Pattern.compile("msg_[0-9A-Z]{26}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{1,14}");

    static DeliveryQuery parse(String status, String type, String range, String from, String to, String q,
                               List<String> eventTypes, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        String st = blank(status) ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (st != null && !STATUSES.contains(st)) {
            errors.put("status", "unknown status");
            st = null;
        }
        String ty = blank(type) ? null : type.strip();
        if (ty != null && !eventTypes.contains(ty)) {
            errors.put("type", "unknown event type");
            ty = null;
        }
        TimeRange time = TimeRange.parse(range, from, to, now, errors);
        String search = blank(q) ? null : q.strip();
        String eventId = null;
        String messageId = null;
        String phone = null;
        if (search != null) {
            if (EVENT_ID.matcher(search).matches()) {
                eventId = search;
            } else if (MESSAGE_ID.matcher(search).matches()) {
                messageId = search;
            } else if (PHONE.matcher(search).matches()) {
                phone = search;
            } else {
                errors.put("q", "search by an event id (evt_…), a message id (msg_…) or a phone number (+15550100001)");
                search = null;
            }
        }
        DeliveryFilter filter = new DeliveryFilter(st, ty, time.fromAt(), time.toAt(), eventId, messageId, null);
        return new DeliveryQuery(st, ty, time.range(), time.from(), time.to(), search, filter, phone, errors);
    }

    /** The same filter with the deliveries narrowed to these messages (a phone-number search). */
    DeliveryFilter withMessages(List<String> messageIds) {
        return new DeliveryFilter(filter.status(), filter.eventType(), filter.from(), filter.to(), filter.eventId(),
                filter.messageId(), messageIds);
    }

    /** The filters as a query string (no leading {@code ?}), empty when none is set. */
    public String queryString() {
        StringBuilder out = new StringBuilder();
        QueryStrings.append(out, "status", status);
        QueryStrings.append(out, "type", type);
        QueryStrings.append(out, "range", range);
        QueryStrings.append(out, "from", from);
        QueryStrings.append(out, "to", to);
        QueryStrings.append(out, "q", q);
        return out.toString();
    }

    public boolean filtered() {
        return !queryString().isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
