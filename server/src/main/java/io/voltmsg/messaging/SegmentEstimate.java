package io.voltmsg.messaging;

/**
 * How many SMS segments a body takes, for the {@code segments} a queued message shows before the carrier link
 * encoded it (the link's own count replaces it once accepted): GSM 03.38 7-bit when every character fits
 * (extension characters take two septets), 160 / 153 per segment; otherwise UCS-2, 70 / 67 UTF-16 units.
 */
final class SegmentEstimate {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SegmentEstimate() {
    }

    static int of(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\u001b' && BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
