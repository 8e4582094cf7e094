package io.voltmsg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The arithmetic of the costs per event and the RESULT line built from them. */
class PerEventTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    private static final Usage START = new Usage(10_000, 500, 2_000, 40_000, 1_000_000, 50_000);
    // 3,000 events: server 600 ticks (6 s), SMSC 30, generator 150, PostgreSQL 210; 27,000 statements, 1,500 commits.
    private static final Usage END = new Usage(10_600, 530, 2_150, 40_210, 1_027_000, 51_500);

    @Test
    void dividesWhatEachProcessUsedInTheWindowByTheEventsCreatedInIt() {
        PerEvent cost = PerEvent.between(START, END, 3_000, 100);

        assertThat(cost.events()).isEqualTo(3_000);
        assertThat(cost.serverCpuMs()).isCloseTo(2.0, EXACT);
        assertThat(cost.smscCpuMs()).isCloseTo(0.1, EXACT);
        assertThat(cost.generatorCpuMs()).isCloseTo(0.5, EXACT);
        assertThat(cost.postgresCpuMs()).isCloseTo(0.7, EXACT);
        assertThat(cost.statements()).isCloseTo(9.0, EXACT);
        assertThat(cost.commits()).isCloseTo(0.5, EXACT);
    }

    @Test
    void capacityAndTheRatioToOneSignature() {
        PerEvent cost = PerEvent.between(START, END, 3_000, 100);

        assertThat(cost.serverEventsPerCoreSecond()).isCloseTo(500.0, EXACT);
        // 4,000 signatures/s: one takes 0.25 ms, and 2 ms is 8 of them.
        assertThat(cost.serverCpuInSignatures(4_000)).isCloseTo(8.0, EXACT);
        assertThat(cost.serverAndPostgresCpuInSignatures(4_000)).isCloseTo(10.8, EXACT);
    }

    @Test
    void clockTicksOtherThanAHundredPerSecond() {
        assertThat(PerEvent.between(START, END, 3_000, 1_000).serverCpuMs()).isCloseTo(0.2, EXACT);
    }

    @Test
    void noEventsGiveNoFigureRatherThanZero() {
        PerEvent cost = PerEvent.between(START, END, 0, 100);

        assertThat(cost.serverCpuMs()).isInfinite();
        assertThat(PerEvent.between(START, START, 0, 100).serverCpuMs()).isNaN();
    }

    @Test
    void theResultLineHasEveryFieldInOrder() {
        PerEvent cost = PerEvent.between(START, END, 3_000, 100);

        assertThat(ResultLine.format(996.4, 12.25, 94.0, 151.55, 4_000, cost, 187.6)).isEqualTo(
                "RESULT events_per_s=996 p50_ms=12.3 p99_ms=94.0 p999_ms=151.6 rsa_sign_per_s=4000"
                        + " server_cpu_ms_per_event=2.000 cpu_ratio=8.00 db_cpu_ms_per_event=0.700 sql_per_event=9.00"
                        + " commits_per_event=0.500 heap_mib=188");
    }

    @Test
    void onH2TheDatabaseCpuIsZeroBecauseItIsInsideTheServer() {
        Usage start = new Usage(100, 0, 10, 0, 0, 0);
        Usage end = new Usage(200, 0, 20, 0, 500, 50);

        assertThat(ResultLine.format(100, 1, 2, 3, 1_000, PerEvent.between(start, end, 100, 100), 64))
                .contains(" server_cpu_ms_per_event=10.000 cpu_ratio=10.00 db_cpu_ms_per_event=0.000 sql_per_event=5.00"
                        + " commits_per_event=0.500 ");
    }
}
