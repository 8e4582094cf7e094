package io.voltmsg.messaging;

import io.voltmsg.accounts.PhoneNumbers;
import io.voltmsg.shared.ApiException;

/** Argument checks shared by messages and contacts; every failure names the argument at fault. */
final class Inputs {

    private Inputs() {
    }

    static String e164(String field, String value) {
        if (!PhoneNumbers.isE164(value)) {
            throw ApiException.badInput(field, field + " must be an E.164 phone number like +15550100001, got "
                    + shown(value));
        }
        return value;
    }

    /**
     * A message body: 1..max characters (code points), well-formed UTF-16, and no control characters other than
     * line feed, carriage return and tab.
     */
    static String body(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badInput(field, field + " must not be empty");
        }
        if (value.length() > 2 * max || value.codePointCount(0, value.length()) > max) {
            throw ApiException.badInput(field, field + " must be at most " + max + " characters, got "
                    + value.codePointCount(0, value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw ApiException.badInput(field, field + " contains an unpaired surrogate at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw ApiException.badInput(field, field + " contains an unpaired surrogate at index " + i);
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw ApiException.badInput(field, field + " contains control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        return value;
    }

    /** Optional printable text of at most {@code max} characters; null stays null. */
    static String printable(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.badInput(field, field + " must be at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badInput(field, field + " must not contain control characters");
        }
        return value;
    }

    /** A value safe to echo in an error message: short, no control characters. */
    static String shown(String value) {
        if (value == null) {
            return "nothing";
        }
        String cut = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
