package io.voltmsg.shared;

import java.util.Map;

/**
 * A failure the API reports to its caller as it is: a stable {@code code}, a message
 * safe to show, and extra fields for {@code extensions}. Anything else that escapes a
 * service is reported as INTERNAL without detail.
 */
public class ApiException extends RuntimeException {

    private final String code;
    private final Map<String, Object> extensions;

    public ApiException(String code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(String code, String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Invalid input; {@code field} names the argument at fault. */
    public static ApiException badInput(String field, String message) {
        return new ApiException("BAD_USER_INPUT", message, Map.of("field", field));
    }

    /** Unknown id, or one that belongs to another organization: never reveal which. */
    public static ApiException notFound(String what) {
        return new ApiException("NOT_FOUND", what + " not found");
    }
}
