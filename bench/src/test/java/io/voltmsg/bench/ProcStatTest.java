package io.voltmsg.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading CPU time out of /proc/<pid>/stat lines (proc(5)): utime, stime, cutime, cstime are fields 14-17. */
class ProcStatTest {

    @Test
    void readsTheParentAndTheFourCpuFields() {
        ProcStat stat = ProcStat.parse("2202 (postgres) S 1 2202 2202 0 -1 4194560 3171 79216 0 4 41 27 903 612 20 0 1 0"
                + " 1876 226361344 7326 18446744073709551615 1 1 0 0 0 0 4194304 19935232 84487 0 0 0 17 1 0 0 0 0 0\n");

        assertThat(stat).isEqualTo(new ProcStat(2202, 1, 41, 27, 903, 612));
        assertThat(stat.ownTicks()).isEqualTo(68);
        assertThat(stat.ticksWithReapedChildren()).isEqualTo(68 + 903 + 612);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("4711 (we ird) (name) R 99 4711 1 0 -1 0 0 0 0 0 7 3 2 1 20 0 1 0 5 1 1");

        assertThat(stat).isEqualTo(new ProcStat(4711, 99, 7, 3, 2, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "12 cat S 1 2 3", "12 (cat) S 1 2 3 4 5", ") 12 (cat",
            "12 (cat) S 1 2 3 4 5 6 7 8 9 10 x 12 13 14 15", "x (cat) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"})
    void somethingElseIsRefusedWithTheLineInTheMessage(String line) {
        assertThatThrownBy(() -> ProcStat.parse(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/proc/<pid>/stat");
    }

    @Test
    void readsThisProcessForReal() {
        long ticks = Processes.ownTicks(ProcessHandle.current().pid());

        assertThat(ticks).isPositive();
    }
}
