package io.voltmsg.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Filters written back into links, so a page's filters stay in its URL. */
final class QueryStrings {

    private QueryStrings() {
    }

    /** Appends {@code name=value} (encoded) unless the value is blank. */
    static void append(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
