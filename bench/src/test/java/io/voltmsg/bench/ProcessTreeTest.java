package io.voltmsg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's CPU: the postmaster, its live backends and workers, and those that exited between two readings. */
class ProcessTreeTest {

    private static final long POSTMASTER = 100;

    @Test
    void addsTheRootItsReapedChildrenAndEveryLiveDescendant() {
        List<ProcStat> processes = List.of(
                new ProcStat(POSTMASTER, 1, 10, 5, 300, 200),
                new ProcStat(101, POSTMASTER, 40, 20, 0, 0),
                new ProcStat(102, POSTMASTER, 7, 3, 0, 0),
                new ProcStat(103, 102, 1, 1, 0, 0), // a grandchild (an archive command, say)
                new ProcStat(200, 1, 5000, 5000, 0, 0)); // not PostgreSQL's

        assertThat(ProcessTree.ticks(processes, POSTMASTER)).isEqualTo(15 + 500 + 60 + 10 + 2);
    }

    @Test
    void betweenTwoReadingsABackendThatExitedStillCountsWhatItUsedInBetween() {
        List<ProcStat> before = List.of(
                new ProcStat(POSTMASTER, 1, 10, 5, 0, 0),
                new ProcStat(101, POSTMASTER, 100, 50, 0, 0), // exits after 30 more ticks
                new ProcStat(102, POSTMASTER, 20, 10, 0, 0)); // uses 5 more
        List<ProcStat> after = List.of(
                new ProcStat(POSTMASTER, 1, 12, 5, 120, 60), // reaped 101: its 180 ticks moved here
                new ProcStat(102, POSTMASTER, 23, 12, 0, 0),
                new ProcStat(103, POSTMASTER, 4, 3, 0, 0)); // started in between

        long used = ProcessTree.ticks(after, POSTMASTER) - ProcessTree.ticks(before, POSTMASTER);

        assertThat(used).isEqualTo(2 + 30 + 5 + 7);
    }

    @Test
    void aRootThatIsNotThereIsNoCpu() {
        assertThat(ProcessTree.ticks(List.of(new ProcStat(5, 1, 9, 9, 9, 9)), POSTMASTER)).isZero();
    }

    @Test
    void readsThisProcessAsARealTree() {
        long pid = ProcessHandle.current().pid();
        long own = Processes.ownTicks(pid);

        assertThat(Processes.treeTicks(pid)).isGreaterThanOrEqualTo(own);
    }
}
