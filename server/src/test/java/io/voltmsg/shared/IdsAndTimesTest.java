package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsAndTimesTest {

    @Test
    void idsArePrefixedUniqueAndSortByCreationTime() {
        List<String> ids = new ArrayList<>();
        Instant start = Instant.parse("2026-11-28T12:00:00Z");
        for (int i = 0; i < 1000; i++) {
            ids.add(Ids.newId("evt", start.plusMillis(i)));
        }
        assertThat(new HashSet<>(ids)).hasSize(1000);
        assertThat(ids).isSorted().allMatch(id -> id.matches("evt_[0-9A-HJKMNP-TV-Z]{26}"));
    }

    @Test
    void timesAreIsoWithExactlyThreeFractionDigits() {
        assertThat(Times.iso(Instant.parse("2026-11-28T12:00:00Z"))).isEqualTo("2026-11-28T12:00:00.000Z");
        assertThat(Times.iso(Instant.parse("2026-11-28T12:00:00.1Z"))).isEqualTo("2026-11-28T12:00:00.100Z");
        assertThat(Times.iso(Instant.parse("2026-11-28T12:00:00.123456Z"))).isEqualTo("2026-11-28T12:00:00.123Z");
        assertThat(Times.iso(null)).isNull();
        assertThat(Times.now(java.time.Clock.fixed(Instant.parse("2026-11-28T12:00:00.123456Z"), java.time.ZoneOffset.UTC)))
                .isEqualTo(Instant.parse("2026-11-28T12:00:00.123Z"));
    }
}
