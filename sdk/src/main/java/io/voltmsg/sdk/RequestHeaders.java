package io.voltmsg.sdk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The headers of one request, looked up by name without regard to case, from whatever the
 * receiver's framework hands over.
 */
abstract class RequestHeaders {

    /** Every value of the header, in order; empty when it is absent. */
    abstract List<String> values(String name);

    /**
     * A map of header name to value: a {@code String}, a {@code Collection} of them (servlet-style
     * multi-maps, the JDK {@code HttpServer}'s {@code Headers}) or a {@code String[]}.
     */
    static RequestHeaders of(Map<String, ?> headers) {
        Objects.requireNonNull(headers, "headers");
        return new RequestHeaders() {
            @Override
            List<String> values(String name) {
                List<String> out = new ArrayList<>(1);
                for (Map.Entry<String, ?> entry : headers.entrySet()) {
                    if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                        addValues(out, entry.getValue());
                    }
                }
                return out;
            }
        };
    }

    /** A lookup by name (servlet {@code getHeader}, Spring {@code HttpHeaders::getFirst}, Netty {@code headers()::get}). */
    static RequestHeaders of(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return new RequestHeaders() {
            @Override
            List<String> values(String name) {
                List<String> out = new ArrayList<>(1);
                addValues(out, lookup.apply(name));
                return out;
            }
        };
    }

    private static void addValues(List<String> out, Object value) {
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof Collection<?> values) {
            for (Object v : values) {
                if (v != null) {
                    out.add(v.toString());
                }
            }
        } else if (value instanceof String[] values) {
            for (String v : values) {
                if (v != null) {
                    out.add(v);
                }
            }
        } else if (value != null) {
            out.add(value.toString());
        }
    }

    /** The one value of a header that must appear once (repeats of the same value are tolerated). */
    String single(String name) throws WebhookVerificationException {
        String found = null;
        for (String value : values(name)) {
            String v = value.strip();
            if (v.isEmpty()) {
                continue;
            }
            if (found != null && !found.equals(v)) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_HEADER, name,
                        "header " + name + " appears more than once with different values");
            }
            found = v;
        }
        if (found == null) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER, name,
                    "missing header " + name);
        }
        return found;
    }
}
