package io.voltmsg.carrier.smpp;

import io.voltmsg.carrier.smpp.SmsEncoding.Alphabet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SmsEncodingTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // text, alphabet, segments, septets-or-units per segment
                arguments("basic GSM", "Hello @ world £$¥ èé", Alphabet.GSM7, List.of(20)),
                arguments("extension chars count 2", "€[]{}", Alphabet.GSM7, List.of(10)),
                arguments("empty", "", Alphabet.GSM7, List.of(0)),
                arguments("160 GSM fits one part", "a".repeat(160), Alphabet.GSM7, List.of(160)),
                arguments("161 GSM needs two", "a".repeat(161), Alphabet.GSM7, List.of(153, 8)),
                arguments("306 GSM is two full parts", "a".repeat(306), Alphabet.GSM7, List.of(153, 153)),
                arguments("307 GSM needs three", "a".repeat(307), Alphabet.GSM7, List.of(153, 153, 1)),
                arguments("80 euro signs = 160 septets, one part", "€".repeat(80), Alphabet.GSM7, List.of(160)),
                arguments("escape pair never split", "a".repeat(152) + "€" + "b".repeat(10), Alphabet.GSM7, List.of(152, 12)),
                arguments("emoji forces UCS-2", "hi 😀", Alphabet.UCS2, List.of(5)),
                arguments("70 UCS-2 fits one part", "ж".repeat(70), Alphabet.UCS2, List.of(70)),
                arguments("71 UCS-2 needs two", "ж".repeat(71), Alphabet.UCS2, List.of(67, 4)),
                arguments("surrogate pair never split", "ж".repeat(66) + "😀" + "ж".repeat(5), Alphabet.UCS2, List.of(66, 7)),
                arguments("100 emoji", "😀".repeat(100), Alphabet.UCS2, List.of(66, 66, 66, 2)),
                arguments("400 GSM", "x".repeat(400), Alphabet.GSM7, List.of(153, 153, 94)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void splitsAsExpected(String name, String text, Alphabet alphabet, List<Integer> sizes) {
        SmsEncoding.Split split = SmsEncoding.split(text);
        assertThat(split.alphabet()).isEqualTo(alphabet);
        assertThat(split.segments()).hasSize(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            String segment = split.segments().get(i);
            int size = alphabet == Alphabet.GSM7 ? SmsEncoding.gsmSeptets(segment) : segment.length();
            assertThat(size).as("segment %d", i + 1).isEqualTo(sizes.get(i));
            if (alphabet == Alphabet.UCS2 && !segment.isEmpty()) {
                assertThat(Character.isHighSurrogate(segment.charAt(segment.length() - 1))).isFalse();
            }
        }
        assertThat(String.join("", split.segments())).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void encodedPartsDecodeBackToTheText(String name, String text, Alphabet alphabet, List<Integer> sizes) {
        List<SmsEncoding.EncodedPart> parts = SmsEncoding.encode(text, 0x42);
        assertThat(parts).hasSize(sizes.size());
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            SmsEncoding.EncodedPart part = parts.get(i);
            assertThat(part.dataCoding()).isEqualTo(alphabet.dataCoding);
            byte[] payload = part.shortMessage();
            if (parts.size() > 1) {
                assertThat(part.udhi()).isTrue();
                UserDataHeader.UserData ud = UserDataHeader.parse(payload).orElseThrow();
                assertThat(ud.concat()).isEqualTo(new UserDataHeader.Concat(0x42, false, parts.size(), i + 1));
                payload = ud.payload();
                // unpacked GSM: one octet per septet (the SMSC packs); UCS-2: 140 octets - 6 UDH
                assertThat(payload.length).isLessThanOrEqualTo(alphabet == Alphabet.GSM7 ? 153 : 134);
            } else {
                assertThat(part.udhi()).isFalse();
                assertThat(payload.length).isLessThanOrEqualTo(alphabet == Alphabet.GSM7 ? 160 : 140);
            }
            decoded.append(SmsEncoding.decode(payload, part.dataCoding()));
        }
        assertThat(decoded.toString()).isEqualTo(text);
    }

    @Test
    void gsmIsUnpackedOneSeptetPerOctet() {
        assertThat(SmsEncoding.encodeText("@A€", Alphabet.GSM7)).containsExactly(0x00, 0x41, 0x1B, 0x65);
        assertThat(SmsEncoding.decode(new byte[]{0x00, 0x41, 0x1B, 0x65, 0x11}, (byte) 0)).isEqualTo("@A€_");
    }

    @Test
    void ucs2IsUtf16BigEndian() {
        assertThat(SmsEncoding.encodeText("ж", Alphabet.UCS2)).containsExactly(0x04, 0x36);
        assertThat(SmsEncoding.decode(new byte[]{0x04, 0x36}, (byte) 8)).isEqualTo("ж");
    }

    @Test
    void decodingGarbageNeverThrows() {
        assertThat(SmsEncoding.decode(new byte[]{(byte) 0xFF, 0x1B}, (byte) 0)).isEqualTo("? ");
        assertThat(SmsEncoding.decode(new byte[]{0x04}, (byte) 8)).isEmpty();
        assertThat(SmsEncoding.decode("abc".getBytes(), (byte) 0x03)).isEqualTo("abc");
    }

    @Test
    void udhParsingToleratesJunk() {
        assertThat(UserDataHeader.parse(new byte[]{9, 0, 3})).isEmpty();
        assertThat(UserDataHeader.parse(new byte[0])).isEmpty();
        assertThat(UserDataHeader.parse(new byte[]{6, 8, 4, 0x12, 0x34, 2, 1, 'h'}).orElseThrow().concat())
                .isEqualTo(new UserDataHeader.Concat(0x1234, true, 2, 1));
        assertThat(UserDataHeader.parse(new byte[]{3, 0x70, 1, 0, 'h'}).orElseThrow().concat()).isNull();
    }

    @Test
    void addressesConvertBothWays() {
        SmppAddress a = SmppAddress.fromE164("+15005550001");
        assertThat(a.address()).isEqualTo("15005550001");
        assertThat(a.ton().value()).isEqualTo((byte) 1);
        assertThat(a.npi().value()).isEqualTo((byte) 1);
        assertThat(SmppAddress.toE164((byte) 1, "15005550001")).isEqualTo("+15005550001");
        assertThat(SmppAddress.toE164((byte) 0, "12345")).isEqualTo("12345");
        assertThat(SmppAddress.fromE164("VOLT").ton().value()).isEqualTo((byte) 5);
    }
}
