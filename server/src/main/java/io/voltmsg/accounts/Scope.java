package io.voltmsg.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API token may do: read or write × messages, contacts, webhooks; and read the server's metrics. */
public enum Scope {
    READ_MESSAGES("read:messages"),
    WRITE_MESSAGES("write:messages"),
    READ_CONTACTS("read:contacts"),
    WRITE_CONTACTS("write:contacts"),
    READ_WEBHOOKS("read:webhooks"),
    WRITE_WEBHOOKS("write:webhooks"),
    /** Metrics and health details under /actuator (not the API's data). */
    READ_METRICS("read:metrics");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Scope parse(String text) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(text.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + text.trim()
                        + "'; known scopes: " + join(EnumSet.allOf(Scope.class))));
    }

    /** Parses a comma-separated list; {@code all} or {@code *} means every scope. */
    public static Set<Scope> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no scopes given");
        }
        if (text.trim().equals("all") || text.trim().equals("*")) {
            return EnumSet.allOf(Scope.class);
        }
        Set<Scope> scopes = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                scopes.add(parse(part));
            }
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("no scopes given");
        }
        return EnumSet.copyOf(scopes);
    }

    public static String join(Set<Scope> scopes) {
        return scopes.stream().map(Scope::value).collect(Collectors.joining(","));
    }
}
