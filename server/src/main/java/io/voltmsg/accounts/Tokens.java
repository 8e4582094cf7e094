package io.voltmsg.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Opaque API tokens: 256 random bits, shown once, stored only as a SHA-256 hash. */
final class Tokens {

    static final String PREFIX = "vm_";
    static final int MIN_CONFIGURED_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A fast hash is right here: the input has 256 bits of entropy, nothing to brute-force. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null when acceptable, else why a configured token is refused. */
    static String problemWith(String configured) {
        if (configured.length() < MIN_CONFIGURED_LENGTH) {
            return "must be at least " + MIN_CONFIGURED_LENGTH + " characters";
        }
        if (configured.length() > 512) {
            return "must be at most 512 characters";
        }
        if (!configured.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "must be printable ASCII without spaces";
        }
        return null;
    }
}
