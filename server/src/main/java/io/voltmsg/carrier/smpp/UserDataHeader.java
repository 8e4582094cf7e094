package io.voltmsg.carrier.smpp;

import java.util.Arrays;
import java.util.Optional;

/** Reading and writing the concatenation information element of a User Data Header. */
public final class UserDataHeader {

    private static final int IEI_CONCAT_8BIT = 0x00;
    private static final int IEI_CONCAT_16BIT = 0x08;

    private UserDataHeader() {
    }

    /** Concatenation info; {@code sixteenBit} tells which reference space the reference belongs to. */
    public record Concat(int reference, boolean sixteenBit, int total, int sequence) {
        /** Parts numbered 1..total with total of at least 1 are usable; anything else is treated as unsplit. */
        public boolean valid() {
            return total >= 1 && sequence >= 1 && sequence <= total;
        }
    }

    /** A short_message split into header info (null when absent) and the text payload. */
    public record UserData(Concat concat, byte[] payload) {
    }

    /** The 6-byte UDH: UDHL=5, IEI 0x00, IEDL=3, reference, total, sequence. */
    static byte[] concat8(int reference, int total, int sequence) {
        return new byte[]{5, IEI_CONCAT_8BIT, 3, (byte) reference, (byte) total, (byte) sequence};
    }

    /**
     * Splits a short_message that has UDHI set. Unknown information elements are skipped.
     *
     * @return empty when the header is malformed (length beyond the message)
     */
    public static Optional<UserData> parse(byte[] shortMessage) {
        if (shortMessage == null || shortMessage.length == 0) {
            return Optional.empty();
        }
        int udhl = shortMessage[0] & 0xFF;
        if (1 + udhl > shortMessage.length) {
            return Optional.empty();
        }
        Concat concat = null;
        int i = 1;
        int end = 1 + udhl;
        while (i + 1 < end) {
            int iei = shortMessage[i] & 0xFF;
            int len = shortMessage[i + 1] & 0xFF;
            int data = i + 2;
            if (data + len > end) {
                return Optional.empty();
            }
            if (iei == IEI_CONCAT_8BIT && len == 3) {
                concat = new Concat(shortMessage[data] & 0xFF, false, shortMessage[data + 1] & 0xFF,
                        shortMessage[data + 2] & 0xFF);
            } else if (iei == IEI_CONCAT_16BIT && len == 4) {
                int ref = ((shortMessage[data] & 0xFF) << 8) | (shortMessage[data + 1] & 0xFF);
                concat = new Concat(ref, true, shortMessage[data + 2] & 0xFF, shortMessage[data + 3] & 0xFF);
            }
            i = data + len;
        }
        return Optional.of(new UserData(concat, Arrays.copyOfRange(shortMessage, end, shortMessage.length)));
    }
}
