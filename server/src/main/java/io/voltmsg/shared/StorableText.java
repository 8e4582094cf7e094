package io.voltmsg.shared;

/** Text from outside (carriers, handsets) made storable in both databases. */
public final class StorableText {

    private StorableText() {
    }

    /**
     * NUL and unpaired surrogates (which PostgreSQL refuses, and which would make the carrier redeliver the PDU
     * forever) become U+FFFD; everything else is kept as it came.
     */
    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c == '\u0000'
                    || (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
