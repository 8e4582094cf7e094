package io.voltmsg.messaging;

/** Making text from outside (carriers, handsets) fit what we store. */
final class Texts {

    private Texts() {
    }

    /**
     * What a handset sent, made storable: NUL and unpaired surrogates (which PostgreSQL refuses, and which would
     * make the carrier redeliver the PDU forever) become U+FFFD.
     */
    static String storable(String text) {
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

    /** An error message as stored: at most 200 characters. */
    static String cut(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }

    /** A receipt's {@code err} as stored: at most 16 characters. */
    static String cutErr(String err) {
        return err == null || err.length() <= 16 ? err : err.substring(0, 16);
    }

    /** A sender address as stored: at most 32 characters, "unknown" when absent. */
    static String cutNumber(String number) {
        if (number == null) {
            return "unknown";
        }
        return number.length() <= 32 ? number : number.substring(0, 32);
    }
}
