package io.voltmsg.carrier.smpp;

import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.carrier.DeliveryReceipt.Stat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delivery receipt from the TLVs and the SMPP 3.4 appendix B text form
 * {@code id:X sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DELIVRD err:000 text:...}.
 *
 * <p>TLVs win over the text (carriers fill them reliably, the text form varies); keys are
 * case-insensitive; any field may be missing. Ids are kept exactly as given, never converted between hex
 * and decimal, because the carrier matches them as strings. Never throws: anything unusable gives empty.
 */
final class DeliveryReceiptParser {

    private static final Pattern KEY = Pattern.compile(
            "(?i)(?<![A-Za-z])(id|sub|dlvrd|submit[ _]date|done[ _]date|stat|err|text)\\s*:");
    private static final Pattern DATE = Pattern.compile("(\\d{10})(\\d{2})?");

    private DeliveryReceiptParser() {
    }

    static Optional<DeliveryReceipt> parse(String text, String receiptedMessageIdTlv, Byte messageStateTlv,
                                           Instant receivedAt) {
        try {
            Map<String, String> fields = fields(text == null ? "" : text);
            String id = blankToNull(receiptedMessageIdTlv);
            if (id == null) {
                id = blankToNull(fields.get("id"));
            }
            if (id == null) {
                return Optional.empty();
            }
            Stat stat = messageStateTlv == null ? null : fromMessageState(messageStateTlv);
            if (stat == null) {
                stat = fromText(fields.get("stat"));
            }
            if (stat == null) {
                stat = Stat.UNKNOWN;
            }
            return Optional.of(new DeliveryReceipt(id, stat, blankToNull(fields.get("err")), fields.get("text"),
                    date(fields.get("done date")), receivedAt));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Splits the text form into key → value; a value runs until the next key, {@code text:} to the end. */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = KEY.matcher(text);
        String key = null;
        int valueStart = -1;
        while (m.find()) {
            if (key != null) {
                if ("text".equals(key)) {
                    break; // the message text may itself contain "id:" and the like
                }
                fields.putIfAbsent(key, text.substring(valueStart, m.start()).trim());
            }
            key = m.group(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            valueStart = m.end();
        }
        if (key != null) {
            String value = text.substring(valueStart);
            fields.putIfAbsent(key, "text".equals(key) ? value : value.trim());
        }
        return fields;
    }

    /** message_state TLV values, SMPP 3.4 section 5.2.28. */
    static Stat fromMessageState(byte state) {
        return switch (state) {
            case 1 -> Stat.ENROUTE;
            case 2 -> Stat.DELIVRD;
            case 3 -> Stat.EXPIRED;
            case 4 -> Stat.DELETED;
            case 5 -> Stat.UNDELIV;
            case 6 -> Stat.ACCEPTD;
            case 7 -> Stat.UNKNOWN;
            case 8 -> Stat.REJECTD;
            default -> null;
        };
    }

    static Stat fromText(String stat) {
        if (stat == null || stat.isBlank()) {
            return null;
        }
        String s = stat.trim().toUpperCase(Locale.ROOT);
        for (Stat candidate : Stat.values()) {
            if (candidate.name().equals(s)) {
                return candidate;
            }
        }
        return switch (s) { // long forms some SMSCs send
            case "DELIVERED" -> Stat.DELIVRD;
            case "UNDELIVERABLE" -> Stat.UNDELIV;
            case "REJECTED" -> Stat.REJECTD;
            case "ACCEPTED" -> Stat.ACCEPTD;
            default -> null;
        };
    }

    /** YYMMDDhhmm or YYMMDDhhmmss, read as UTC (the form carries no zone); null when invalid. */
    static Instant date(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = DATE.matcher(value.trim());
        if (!m.matches()) {
            return null;
        }
        String d = m.group(1);
        try {
            LocalDateTime t = LocalDateTime.of(2000 + Integer.parseInt(d.substring(0, 2)),
                    Integer.parseInt(d.substring(2, 4)), Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8)), Integer.parseInt(d.substring(8, 10)),
                    m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
            return t.toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
