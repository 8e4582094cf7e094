package io.voltmsg.bench;

/**
 * One line of {@code /proc/<pid>/stat}: the process, its parent and its CPU time in clock ticks (user and
 * system, its own and that of the children it has waited for). See proc(5).
 */
record ProcStat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {

    /**
     * Parses a stat line. The command name (field 2) is in parentheses and may itself hold spaces and
     * parentheses, so the fields after it are counted from the last {@code ')'}.
     */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(line));
        }
        String[] after = line.substring(close + 1).trim().split("\\s+");
        // after[0] is field 3 (state): field n is after[n - 3].
        if (after.length < 15) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + abbreviate(line));
        }
        try {
            return new ProcStat(Long.parseLong(line.substring(0, open).trim()), Long.parseLong(after[1]),
                    Long.parseLong(after[11]), Long.parseLong(after[12]), Long.parseLong(after[13]), Long.parseLong(after[14]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with a field that is not a number: " + abbreviate(line), e);
        }
    }

    /** CPU the process itself used. */
    long ownTicks() {
        return utime + stime;
    }

    /** CPU of the process and of the children (and their descendants) it has waited for after they exited. */
    long ticksWithReapedChildren() {
        return utime + stime + cutime + cstime;
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
