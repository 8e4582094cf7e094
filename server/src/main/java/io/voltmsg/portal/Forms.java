package io.voltmsg.portal;

import io.voltmsg.shared.ApiException;
import java.util.Map;

/** Puts a service's complaint next to the form field it is about. */
final class Forms {

    private Forms() {
    }

    /** field → message; a failure without a field goes under {@code form}. */
    static Map<String, String> errors(ApiException e) {
        Object field = e.extensions().get("field");
        if ("WEBHOOK_TEST_FAILED".equals(e.code())) {
            return Map.of("url", e.getMessage() + ": " + e.extensions().get("reason"));
        }
        return Map.of(field == null ? "form" : field.toString(), e.getMessage());
    }
}
