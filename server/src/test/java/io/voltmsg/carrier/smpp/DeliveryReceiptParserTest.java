package io.voltmsg.carrier.smpp;

import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.carrier.DeliveryReceipt.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryReceiptParserTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void standardTextForm() {
        DeliveryReceipt r = DeliveryReceiptParser.parse(
                "id:0A1B2C sub:001 dlvrd:001 submit date:2611281159 done date:2611281200 stat:DELIVRD err:000 text:Hello id:x",
                null, null, NOW).orElseThrow();
        assertThat(r.carrierMessageId()).isEqualTo("0A1B2C");
        assertThat(r.stat()).isEqualTo(Stat.DELIVRD);
        assertThat(r.err()).isEqualTo("000");
        assertThat(r.text()).isEqualTo("Hello id:x");
        assertThat(r.doneDate()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(r.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void tlvsWinOverText() {
        DeliveryReceipt r = DeliveryReceiptParser.parse("id:111 stat:DELIVRD", "abc-123", (byte) 5, NOW).orElseThrow();
        assertThat(r.carrierMessageId()).isEqualTo("abc-123");
        assertThat(r.stat()).isEqualTo(Stat.UNDELIV);
    }

    @Test
    void keysAreCaseInsensitiveAndFieldsOptional() {
        DeliveryReceipt r = DeliveryReceiptParser.parse("ID:00042 STAT:undeliv ERR:005", null, null, NOW).orElseThrow();
        assertThat(r.carrierMessageId()).isEqualTo("00042"); // kept as given: no hex/decimal conversion
        assertThat(r.stat()).isEqualTo(Stat.UNDELIV);
        assertThat(r.err()).isEqualTo("005");
        assertThat(r.text()).isNull();
        assertThat(r.doneDate()).isNull();
    }

    @Test
    void doneDateWithSecondsAndEveryStat() {
        assertThat(DeliveryReceiptParser.parse("id:1 done date:261128120030 stat:EXPIRED", null, null, NOW)
                .orElseThrow().doneDate()).isEqualTo(Instant.parse("2026-11-28T12:00:30Z"));
        for (Stat stat : Stat.values()) {
            assertThat(DeliveryReceiptParser.parse("id:1 stat:" + stat, null, null, NOW).orElseThrow().stat())
                    .isEqualTo(stat);
        }
    }

    @Test
    void idOnlyFromTlvWithUnknownStat() {
        DeliveryReceipt r = DeliveryReceiptParser.parse("", "77", null, NOW).orElseThrow();
        assertThat(r.stat()).isEqualTo(Stat.UNKNOWN);
        assertThat(DeliveryReceiptParser.parse("", "77", (byte) 2, NOW).orElseThrow().stat()).isEqualTo(Stat.DELIVRD);
    }

    @Test
    void invalidDatesAndUnknownStatsDegradeGracefully() {
        DeliveryReceipt r = DeliveryReceiptParser.parse("id:9 done date:9913991299 stat:WHATEVER", null, (byte) 42, NOW)
                .orElseThrow();
        assertThat(r.doneDate()).isNull();
        assertThat(r.stat()).isEqualTo(Stat.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "stat:DELIVRD", "id:", "id:   stat:DELIVRD", "\u0000\u0001\u00ff", ":::::", "id"})
    void garbageGivesEmpty(String text) {
        assertThat(DeliveryReceiptParser.parse(text, null, null, NOW)).isEmpty();
    }

    @Test
    void nullTextIsTolerated() {
        assertThat(DeliveryReceiptParser.parse(null, null, null, NOW)).isEmpty();
    }
}
