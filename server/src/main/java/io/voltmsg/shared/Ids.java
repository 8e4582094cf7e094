package io.voltmsg.shared;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Prefixed, time-ordered identifiers ({@code evt_01J...}): 48 bits of milliseconds
 * then 80 random bits in Crockford base32, so ids sort by creation time and can be
 * used as pagination cursors, while staying unguessable.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    /**
     * One generator per thread: a shared SecureRandom is synchronized, and under load threads
     * queued on it for tens of milliseconds per id (seen in a JFR profile of bench/run-e2e.sh).
     * DRBG instances keep their own state, so per-thread ones never contend.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newGenerator);

    private Ids() {
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public static String newId(String prefix) {
        return newId(prefix, Instant.now());
    }

    public static String newId(String prefix, Instant time) {
        long millis = time.toEpochMilli();
        byte[] random = new byte[10];
        RANDOM.get().nextBytes(random);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return prefix + "_" + new String(out);
    }
}
