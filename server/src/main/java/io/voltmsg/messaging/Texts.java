package io.voltmsg.messaging;

/** Cutting what carriers and handsets send to the sizes we store. */
final class Texts {

    private Texts() {
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
