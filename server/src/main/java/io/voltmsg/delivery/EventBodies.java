package io.voltmsg.delivery;

import io.voltmsg.shared.Times;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes webhook bodies. Its own mapper, not the application's, so that no Jackson setting a
 * user changes can alter the bytes that are signed; key order is the order of the maps.
 */
final class EventBodies {

    /** Bodies above this are refused when the event is created. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventBodies() {
    }

    static byte[] write(String eventId, EventType type, Instant createdAt, long sequence, String organizationId,
                        Map<String, ?> payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type.wireName());
        body.put("createdAt", Times.iso(createdAt));
        body.put("sequence", sequence);
        body.put("organizationId", organizationId);
        body.put("payload", payload);
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new EventTooLargeException(bytes.length);
        }
        return bytes;
    }

    /** A body over the limit is refused at creation rather than failing at every endpoint later. */
    static final class EventTooLargeException extends IllegalArgumentException {
        EventTooLargeException(int size) {
            super("event body is " + size + " bytes; the limit is " + MAX_BODY_BYTES + " bytes");
        }
    }
}
