package io.voltmsg.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page's date filter: a preset ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}) or {@code custom} with
 * {@code from} and {@code to} from datetime-local inputs, read as UTC. Pure: the time is passed in.
 */
public record TimeRange(String range, String from, String to, Instant fromAt, Instant toAt) {

    static final Map<String, Duration> PRESETS = presets();
    static final TimeRange ANY = new TimeRange("", null, null, null, null);

    private static Map<String, Duration> presets() {
        Map<String, Duration> p = new LinkedHashMap<>();
        p.put("1h", Duration.ofHours(1));
        p.put("24h", Duration.ofHours(24));
        p.put("7d", Duration.ofDays(7));
        p.put("30d", Duration.ofDays(30));
        return p;
    }

    /** The range, with what is wrong put into {@code errors} under {@code range}, {@code from} or {@code to}. */
    static TimeRange parse(String range, String from, String to, Instant now, Map<String, String> errors) {
        String rg = range == null ? "" : range.strip();
        if (PRESETS.containsKey(rg)) {
            return new TimeRange(rg, null, null, now.minus(PRESETS.get(rg)), null);
        }
        if (rg.equals("custom")) {
            Instant fromAt = time(from, "from", errors);
            Instant toAt = time(to, "to", errors);
            if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
                errors.put("to", "the end must be after the start");
                toAt = null;
            }
            return new TimeRange(rg, from, to, fromAt, toAt);
        }
        if (!rg.isEmpty()) {
            errors.put("range", "unknown range");
        }
        return ANY;
    }

    /** {@code 2026-11-28T12:00} from a datetime-local input, read as UTC; null (and an error) when malformed. */
    static Instant time(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.put(field, "use a date and time like 2026-11-28T12:00 (UTC)");
            return null;
        }
    }
}
