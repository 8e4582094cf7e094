package io.voltmsg.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Portal passwords: bcrypt hashes, generated one-time passwords, and what a chosen password must be. */
final class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int MAX_BYTES = 72;
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    /** Compared against when the e-mail is unknown, so that an unknown address takes as long as a wrong password. */
    private static final String DUMMY_HASH = BCRYPT.encode("voltmsg-no-such-user-password");

    private Passwords() {
    }

    static String hash(String password) {
        return BCRYPT.encode(password);
    }

    static boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BCRYPT.matches("x", DUMMY_HASH);
            return false;
        }
        return BCRYPT.matches(password, hash == null ? DUMMY_HASH : hash) && hash != null;
    }

    /** 20 characters from 56 unambiguous ones (about 116 bits), in groups of five for reading aloud. */
    static String generate() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                out.append('-');
            }
            out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    /** Null when acceptable, else what is wrong with a password someone chose. */
    static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "password must be at most " + MAX_BYTES + " bytes (bcrypt reads no more)";
        }
        if (password.isBlank() || password.chars().anyMatch(Character::isISOControl)) {
            return "password must not be blank or contain control characters";
        }
        return null;
    }
}
