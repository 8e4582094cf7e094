package io.voltmsg.carrier.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pure encoding decisions for SMS text: alphabet, segmentation, short_message bytes and back.
 *
 * <p>GSM 03.38 text travels in short_message UNPACKED, one septet value per octet (data_coding 0). SMPP
 * 3.4 leaves the packing of the default alphabet to the SMSC's configuration; unpacked is what most SMSCs,
 * jsmpp-based tools and the npm {@code smpp} package use, and it keeps a segment boundary on a byte
 * boundary. Extension characters ({@code €[]{}^\|~} and form feed) are the escape 0x1B followed by their
 * code and count as two septets. Client and simulator both use this class, so they agree.
 *
 * <p>UCS-2 is data_coding 0x08 carried as UTF-16BE; characters outside the BMP use a surrogate pair (two
 * UCS-2 units), which is what handsets do in practice.
 *
 * <p>Limits: one part holds 160 septets or 70 UCS-2 units. Longer texts are split into parts that each
 * begin with a 6-byte concatenation UDH (IEI 0x00, 8-bit reference), leaving 153 septets or 67 units per
 * part; an escape pair or a surrogate pair is never split across parts.
 */
public final class SmsEncoding {

    public static final int SINGLE_GSM_SEPTETS = 160;
    public static final int SINGLE_UCS2_UNITS = 70;
    public static final int SEGMENT_GSM_SEPTETS = 153;
    public static final int SEGMENT_UCS2_UNITS = 67;
    /** Most handsets reassemble at most 255 parts (the UDH counts in one octet). */
    public static final int MAX_SEGMENTS = 255;

    public static final byte DATA_CODING_GSM = 0x00;
    public static final byte DATA_CODING_UCS2 = 0x08;

    private SmsEncoding() {
    }

    public enum Alphabet {
        GSM7(DATA_CODING_GSM), UCS2(DATA_CODING_UCS2);

        public final byte dataCoding;

        Alphabet(byte dataCoding) {
            this.dataCoding = dataCoding;
        }
    }

    /** The parts a text travels in, before byte encoding. */
    public record Split(Alphabet alphabet, List<String> segments) {
        public boolean multipart() {
            return segments.size() > 1;
        }
    }

    /** One short_message ready for a PDU: payload (with UDH when {@code udhi}), data_coding. */
    public record EncodedPart(byte[] shortMessage, byte dataCoding, boolean udhi) {
    }

    public static Alphabet alphabetFor(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GsmAlphabet.septets(text.charAt(i)) == 0) {
                return Alphabet.UCS2;
            }
        }
        return Alphabet.GSM7;
    }

    /** Septets needed in GSM 03.38, or -1 when some character is not in the alphabet. */
    public static int gsmSeptets(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = GsmAlphabet.septets(text.charAt(i));
            if (n == 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    public static Split split(String text) {
        Alphabet alphabet = alphabetFor(text);
        return alphabet == Alphabet.GSM7 ? splitGsm(text) : splitUcs2(text);
    }

    private static Split splitGsm(String text) {
        if (gsmSeptets(text) <= SINGLE_GSM_SEPTETS) {
            return new Split(Alphabet.GSM7, List.of(text));
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = GsmAlphabet.septets(text.charAt(i));
            if (used + n > SEGMENT_GSM_SEPTETS) { // a 2-septet char moves whole into the next part
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += n;
        }
        parts.add(text.substring(start));
        return new Split(Alphabet.GSM7, List.copyOf(parts));
    }

    private static Split splitUcs2(String text) {
        if (text.length() <= SINGLE_UCS2_UNITS) {
            return new Split(Alphabet.UCS2, List.of(text));
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + SEGMENT_UCS2_UNITS, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // keep the surrogate pair together
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return new Split(Alphabet.UCS2, List.copyOf(parts));
    }

    /**
     * Encodes a text into the short_message parts to submit (or deliver).
     *
     * @param reference concatenation reference (low 8 bits used), same for all parts of one message
     * @throws IllegalArgumentException when the text needs more than {@link #MAX_SEGMENTS} parts
     */
    public static List<EncodedPart> encode(String text, int reference) {
        Split split = split(text);
        int total = split.segments().size();
        if (total > MAX_SEGMENTS) {
            throw new IllegalArgumentException("text needs " + total + " segments, more than " + MAX_SEGMENTS);
        }
        List<EncodedPart> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] payload = encodeText(split.segments().get(i), split.alphabet());
            if (total == 1) {
                parts.add(new EncodedPart(payload, split.alphabet().dataCoding, false));
            } else {
                byte[] udh = UserDataHeader.concat8(reference, total, i + 1);
                byte[] sm = Arrays.copyOf(udh, udh.length + payload.length);
                System.arraycopy(payload, 0, sm, udh.length, payload.length);
                parts.add(new EncodedPart(sm, split.alphabet().dataCoding, true));
            }
        }
        return parts;
    }

    public static byte[] encodeText(String text, Alphabet alphabet) {
        return alphabet == Alphabet.UCS2 ? text.getBytes(StandardCharsets.UTF_16BE) : GsmAlphabet.encodeUnpacked(text);
    }

    /**
     * Decodes a short_message payload (without UDH). Never throws: unknown bytes become '?'.
     * data_coding 0 = GSM 03.38 unpacked, 1 = IA5/ASCII, 3 = Latin-1, 8 = UCS-2; others are read as Latin-1.
     */
    public static String decode(byte[] payload, byte dataCoding) {
        int coding = dataCoding & 0xFF;
        // 0xF0..0xFF: "data coding/message class": bit 2 set = 8-bit data, clear = GSM default alphabet
        if ((coding & 0xF0) == 0xF0) {
            coding = (coding & 0x04) == 0 ? 0 : 4;
        }
        return switch (coding) {
            case 0x00 -> GsmAlphabet.decodeUnpacked(payload);
            case 0x01 -> new String(payload, StandardCharsets.US_ASCII);
            case 0x08 -> new String(payload, 0, payload.length & ~1, StandardCharsets.UTF_16BE);
            default -> new String(payload, StandardCharsets.ISO_8859_1);
        };
    }
}
