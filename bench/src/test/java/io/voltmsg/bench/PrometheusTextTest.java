package io.voltmsg.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the server's counters and heap out of /actuator/prometheus. */
class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP voltmsg_db_statements_total SQL statements sent to the database (a batch of n rows counts n)
            # TYPE voltmsg_db_statements_total counter
            voltmsg_db_statements_total 1234567.0
            # HELP voltmsg_db_commits_total Database commits that wrote (an autocommitted write counts one)
            # TYPE voltmsg_db_commits_total counter
            voltmsg_db_commits_total 4.2E5
            voltmsg_db_commits_total_other 99
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0 1700000000000
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
            jvm_memory_used_bytes{id="odd, \\"quoted\\" name",area="heap"} 1
            """;

    @Test
    void readsACounterByItsExposedName() {
        assertThat(PrometheusText.sum(SCRAPE, "voltmsg_db_statements_total", Map.of())).isEqualTo(1_234_567.0);
        assertThat(PrometheusText.sum(SCRAPE, "voltmsg_db_commits_total", Map.of())).isEqualTo(420_000.0);
    }

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of("area", "heap")))
                .isEqualTo(10_485_760.0 + 2_097_152.0 + 1);
        assertThat(HeapSampler.heapInUse(SCRAPE)).isEqualTo(10_485_760.0 + 2_097_152.0 + 1);
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of("id", "odd, \"quoted\" name"))).isEqualTo(1);
    }

    @Test
    void aMetricTheServerDoesNotHaveIsNotZero() {
        assertThat(PrometheusText.sum(SCRAPE, "voltmsg_db_rows_total", Map.of())).isNaN();
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of("area", "stack"))).isNaN();
        assertThat(PrometheusText.sum("", "voltmsg_db_statements_total", Map.of())).isNaN();
    }

    @Test
    void specialValues() {
        assertThat(PrometheusText.sum("x{le=\"+Inf\"} +Inf\n", "x", Map.of())).isInfinite();
        assertThat(PrometheusText.sum("x NaN\n", "x", Map.of())).isNaN();
    }

    @Test
    void brokenLinesAreRefusedNotMisread() {
        assertThatThrownBy(() -> PrometheusText.sum("x{area=\"heap\" 1\n", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.sum("x{area=heap} 1\n", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.sum("x twelve\n", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x twelve");
    }
}
