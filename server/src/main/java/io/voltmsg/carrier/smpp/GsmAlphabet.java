package io.voltmsg.carrier.smpp;

import java.io.ByteArrayOutputStream;

/** The GSM 03.38 default alphabet and its extension table, as unpacked septet values. */
final class GsmAlphabet {

    static final int ESCAPE = 0x1B;

    /** Basic table, indexed by septet value; 0x1B is the escape, never produced from a char. */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final char[] EXTENSION_CHARS = {'\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'};
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private static final int[] BASIC_CODE = new int[0x10000];
    private static final int[] EXTENSION_CODE = new int[0x10000];
    private static final char[] EXTENSION_BY_CODE = new char[128];

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("GSM basic table must have 128 entries, has " + BASIC.length());
        }
        java.util.Arrays.fill(BASIC_CODE, -1);
        java.util.Arrays.fill(EXTENSION_CODE, -1);
        for (int i = 0; i < BASIC.length(); i++) {
            if (i != ESCAPE) {
                BASIC_CODE[BASIC.charAt(i)] = i;
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length; i++) {
            EXTENSION_CODE[EXTENSION_CHARS[i]] = EXTENSION_CODES[i];
            EXTENSION_BY_CODE[EXTENSION_CODES[i]] = EXTENSION_CHARS[i];
        }
    }

    private GsmAlphabet() {
    }

    /** Septets the char takes: 1 (basic), 2 (extension), 0 = not representable. */
    static int septets(char c) {
        if (BASIC_CODE[c] >= 0) {
            return 1;
        }
        return EXTENSION_CODE[c] >= 0 ? 2 : 0;
    }

    static byte[] encodeUnpacked(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC_CODE[c] >= 0) {
                out.write(BASIC_CODE[c]);
            } else if (EXTENSION_CODE[c] >= 0) {
                out.write(ESCAPE);
                out.write(EXTENSION_CODE[c]);
            } else {
                throw new IllegalArgumentException("not in GSM 03.38: U+" + Integer.toHexString(c));
            }
        }
        return out.toByteArray();
    }

    static String decodeUnpacked(byte[] septets) {
        StringBuilder sb = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int v = septets[i] & 0xFF;
            if (v > 0x7F) {
                sb.append('?');
            } else if (v == ESCAPE) {
                if (i + 1 < septets.length) {
                    int next = septets[++i] & 0x7F;
                    char ext = EXTENSION_BY_CODE[next];
                    // 03.38: an unknown extension code shows the basic-table character instead
                    sb.append(ext != 0 ? ext : (next == ESCAPE ? ' ' : BASIC.charAt(next)));
                } else {
                    sb.append(' ');
                }
            } else {
                sb.append(BASIC.charAt(v));
            }
        }
        return sb.toString();
    }
}
