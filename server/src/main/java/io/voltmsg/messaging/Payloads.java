package io.voltmsg.messaging;

import io.voltmsg.shared.Times;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code payload} of a message event (DESIGN.md §4), keys in a stable order. */
final class Payloads {

    private Payloads() {
    }

    static Map<String, Object> of(Message m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", m.id());
        p.put("type", "SMS");
        p.put("direction", m.direction().wire());
        p.put("fromNumber", m.fromNumber());
        p.put("toNumber", m.toNumber());
        p.put("text", m.body());
        p.put("body", m.body());
        p.put("media", List.of());
        p.put("status", m.status());
        p.put("segments", m.segments());
        p.put("errorCode", m.errorCode());
        p.put("errorMessage", m.errorMessage());
        p.put("createdAt", Times.iso(m.createdAt()));
        p.put("sentAt", Times.iso(m.sentAt()));
        p.put("deliveredAt", Times.iso(m.deliveredAt()));
        p.put("finalizedAt", Times.iso(m.finalizedAt()));
        return p;
    }
}
