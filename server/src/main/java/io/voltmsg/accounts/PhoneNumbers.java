package io.voltmsg.accounts;

import java.util.regex.Pattern;

/** E.164 phone numbers: a plus, a non-zero digit, at most fifteen digits in all. */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{1,14}$");

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
