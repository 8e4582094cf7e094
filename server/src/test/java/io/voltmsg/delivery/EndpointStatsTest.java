package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of what the portal shows about a webhook: the 24 h summary and the disable rule. */
class EndpointStatsTest {

    static final long FIRST = Instant.parse("2026-11-28T00:00:00Z").getEpochSecond() / 3600;

    @Test
    void countsFallIntoTheirHourAndOutcome() {
        EndpointStats s = DeliveryHistory.summarize(FIRST, List.of(
                new DeliveryHistoryRepository.HourCount(FIRST, "DELIVERED", true, 8),
                new DeliveryHistoryRepository.HourCount(FIRST, "FAILED", true, 1),
                new DeliveryHistoryRepository.HourCount(FIRST + 23, "PENDING", true, 1),
                new DeliveryHistoryRepository.HourCount(FIRST + 23, "PENDING", false, 4),
                new DeliveryHistoryRepository.HourCount(FIRST + 5, "SKIPPED", false, 2),
                new DeliveryHistoryRepository.HourCount(FIRST + 5, "CANCELLED", false, 1),
                new DeliveryHistoryRepository.HourCount(FIRST - 1, "DELIVERED", true, 99),
                new DeliveryHistoryRepository.HourCount(FIRST + 24, "DELIVERED", true, 99)), null);
        assertThat(s.hours()).hasSize(24);
        assertThat(s.hours().get(0).start()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(s.hours().get(0).delivered()).isEqualTo(8);
        assertThat(s.hours().get(23).retrying()).isEqualTo(1);
        assertThat(s.hours().get(23).waiting()).isEqualTo(4);
        assertThat(s.hours().get(5).skipped()).isEqualTo(3);
        assertThat(s.delivered()).isEqualTo(8);
        assertThat(s.successRate()).isEqualTo(0.8);
    }

    @Test
    void noDecidedDeliveryMeansNoRate() {
        EndpointStats s = DeliveryHistory.summarize(FIRST, List.of(
                new DeliveryHistoryRepository.HourCount(FIRST, "PENDING", false, 3)), null);
        assertThat(s.successRate()).isNull();
        assertThat(s.waiting()).isEqualTo(3);
    }

    @Test
    void aFailingEndpointIsDisabledAtTheFirstFailureAfterDisableAfter() {
        Instant since = Instant.parse("2026-11-28T12:00:00Z");
        assertThat(EndpointHealth.disableAt(since, Duration.ofDays(5))).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(EndpointHealth.disableAt(null, Duration.ofDays(5))).isNull();
    }
}
