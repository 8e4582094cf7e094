package io.voltmsg.carrier.smpp;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * Our numbers are E.164 with '+'; SMPP carries them without it, marked TON international (1) and NPI
 * ISDN (1). Alphanumeric senders travel as TON alphanumeric (5), NPI unknown.
 */
public record SmppAddress(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {

    public static SmppAddress fromE164(String number) {
        if (number.startsWith("+")) {
            return new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, number.substring(1));
        }
        if (number.chars().allMatch(Character::isDigit)) {
            return new SmppAddress(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, number);
        }
        return new SmppAddress(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, number);
    }

    /** Back to our form: '+' added when marked international; anything else exactly as given. */
    public static String toE164(byte ton, String address) {
        if (address == null) {
            return "";
        }
        if (ton == TypeOfNumber.INTERNATIONAL.value() && !address.startsWith("+") && !address.isEmpty()) {
            return "+" + address;
        }
        return address;
    }
}
