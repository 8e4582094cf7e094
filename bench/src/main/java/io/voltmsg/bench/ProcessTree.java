package io.voltmsg.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU of a process tree (PostgreSQL: the postmaster and its backends and workers). A child that exited and
 * was waited for is in its parent's cutime/cstime; a live one is not, so live descendants are added one by
 * one. The difference of two readings is then the tree's CPU between them, including backends that started
 * or exited in between (an exited one's total moves from "live" to its parent's reaped children).
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Clock ticks of {@code root} and all its descendants, live or reaped; 0 when {@code root} is not among the processes. */
    static long ticks(Collection<ProcStat> processes, long root) {
        Map<Long, ProcStat> byPid = new HashMap<>();
        Map<Long, List<ProcStat>> children = new HashMap<>();
        for (ProcStat process : processes) {
            byPid.put(process.pid(), process);
            children.computeIfAbsent(process.ppid(), parent -> new ArrayList<>()).add(process);
        }
        ProcStat top = byPid.get(root);
        if (top == null) {
            return 0;
        }
        long total = 0;
        List<ProcStat> pending = new ArrayList<>(List.of(top));
        while (!pending.isEmpty()) {
            ProcStat process = pending.remove(pending.size() - 1);
            total += process.ticksWithReapedChildren();
            pending.addAll(children.getOrDefault(process.pid(), List.of()));
        }
        return total;
    }
}
