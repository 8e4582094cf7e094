package io.voltmsg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads {@code /proc}: the CPU time of one process, or of every process (for a process tree). */
final class Processes {

    private static final Path PROC = Path.of("/proc");

    private Processes() {
    }

    /** Clock ticks the process used itself (utime + stime); fails when it is gone, as a measured process must not be. */
    static long ownTicks(long pid) {
        try {
            return ProcStat.parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))).ownTicks();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + ": " + e, e);
        }
    }

    /** Clock ticks of the process tree under {@code root}, live and reaped descendants included. */
    static long treeTicks(long root) {
        if (!Files.isReadable(PROC.resolve(Long.toString(root)).resolve("stat"))) {
            throw new IllegalStateException("cannot read the CPU time of process " + root);
        }
        return ProcessTree.ticks(all(), root);
    }

    /** Every process's stat line; those that exit while the list is read are left out. */
    private static List<ProcStat> all() {
        List<ProcStat> processes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    try {
                        processes.add(ProcStat.parse(Files.readString(entry.resolve("stat"))));
                    } catch (IOException e) {
                        // exited meanwhile
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e, e);
        }
        return processes;
    }
}
