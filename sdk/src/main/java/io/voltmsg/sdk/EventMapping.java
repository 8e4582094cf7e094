package io.voltmsg.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a parsed webhook body (plain Java values) to a {@link WebhookEvent}. Strict about the fields
 * every voltmsg body has, so a body that is not one fails with a message naming the field; tolerant
 * of fields it does not know, so a newer server's additions never break an older receiver.
 */
final class EventMapping {

    private EventMapping() {
    }

    static WebhookEvent toEvent(Map<?, ?> body) {
        String type = requiredString(body, "type", "");
        Map<?, ?> payload = object(body, "payload", "");
        WebhookPayload typed;
        if (type.startsWith("message.")) {
            typed = message(payload);
        } else if (type.equals(WebhookEvent.WEBHOOK_TEST)) {
            typed = new TestPayload(requiredString(payload, "url", "payload."));
        } else {
            Map<String, Object> fields = new LinkedHashMap<>();
            payload.forEach((k, v) -> fields.put(String.valueOf(k), v));
            typed = new OtherPayload(fields);
        }
        return new WebhookEvent(requiredString(body, "id", ""), type, requiredInstant(body, "createdAt", ""),
                requiredLong(body, "sequence", ""), requiredString(body, "organizationId", ""), typed);
    }

    private static MessagePayload message(Map<?, ?> p) {
        String at = "payload.";
        Long segments = optionalLong(p, "segments", at);
        return new MessagePayload(requiredString(p, "id", at), optionalString(p, "type", at),
                requiredString(p, "direction", at), requiredString(p, "fromNumber", at), requiredString(p, "toNumber", at),
                optionalString(p, "text", at), optionalString(p, "body", at), strings(p, "media", at),
                requiredString(p, "status", at), segments == null ? 1 : toInt(segments, at + "segments"),
                optionalString(p, "errorCode", at), optionalString(p, "errorMessage", at),
                optionalInstant(p, "createdAt", at), optionalInstant(p, "sentAt", at),
                optionalInstant(p, "deliveredAt", at), optionalInstant(p, "finalizedAt", at));
    }

    private static int toInt(long value, String field) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw notAnEvent(field, "is out of range");
        }
        return (int) value;
    }

    private static Map<?, ?> object(Map<?, ?> m, String field, String at) {
        Object value = m.get(field);
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw notAnEvent(at + field, value == null ? "is missing" : "is not an object");
    }

    private static String requiredString(Map<?, ?> m, String field, String at) {
        String value = optionalString(m, field, at);
        if (value == null) {
            throw notAnEvent(at + field, "is missing");
        }
        return value;
    }

    private static String optionalString(Map<?, ?> m, String field, String at) {
        Object value = m.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw notAnEvent(at + field, "is not a string");
    }

    private static Instant requiredInstant(Map<?, ?> m, String field, String at) {
        Instant value = optionalInstant(m, field, at);
        if (value == null) {
            throw notAnEvent(at + field, "is missing");
        }
        return value;
    }

    private static Instant optionalInstant(Map<?, ?> m, String field, String at) {
        String text = optionalString(m, field, at);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw notAnEvent(at + field, "is not an ISO-8601 instant");
        }
    }

    private static long requiredLong(Map<?, ?> m, String field, String at) {
        Long value = optionalLong(m, field, at);
        if (value == null) {
            throw notAnEvent(at + field, "is missing");
        }
        return value;
    }

    private static Long optionalLong(Map<?, ?> m, String field, String at) {
        Object value = m.get(field);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
        } catch (ArithmeticException e) {
            throw notAnEvent(at + field, "is not a whole number in range");
        }
        throw notAnEvent(at + field, "is not a whole number");
    }

    private static List<String> strings(Map<?, ?> m, String field, String at) {
        Object value = m.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw notAnEvent(at + field, "is not an array");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw notAnEvent(at + field, "holds something that is not a string");
            }
            out.add(s);
        }
        return out;
    }

    private static IllegalArgumentException notAnEvent(String field, String problem) {
        return new IllegalArgumentException("the webhook body is not a voltmsg event: " + field + " " + problem);
    }
}
