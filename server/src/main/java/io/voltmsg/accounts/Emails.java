package io.voltmsg.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Sign-in names: e-mail addresses, compared lower-case. {@code admin@localhost} is valid on purpose. */
public final class Emails {

    static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,253}$");

    private Emails() {
    }

    /** The stored form, or IllegalArgumentException saying what is wrong. */
    public static String normalize(String email) {
        String trimmed = email == null ? "" : email.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("e-mail address must not be empty");
        }
        if (trimmed.length() > MAX_LENGTH || !SHAPE.matcher(trimmed).matches() || trimmed.endsWith("@")
                || trimmed.contains("@.") || trimmed.endsWith(".")) {
            throw new IllegalArgumentException("e-mail address must look like name@example.com");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
