package io.voltmsg.bench;

import java.util.Locale;

/** The benchmark's last line, which scripts and tables read. */
final class ResultLine {

    private ResultLine() {
    }

    static String format(double eventsPerSecond, double p50Ms, double p99Ms, double p999Ms, long rsaSignPerSecond,
                         PerEvent cost, double heapMib) {
        return String.format(Locale.ROOT,
                "RESULT events_per_s=%.0f p50_ms=%.1f p99_ms=%.1f p999_ms=%.1f rsa_sign_per_s=%d"
                        + " server_cpu_ms_per_event=%.3f cpu_ratio=%.2f db_cpu_ms_per_event=%.3f sql_per_event=%.2f"
                        + " commits_per_event=%.3f heap_mib=%.0f",
                eventsPerSecond, p50Ms, p99Ms, p999Ms, rsaSignPerSecond, cost.serverCpuMs(),
                cost.serverCpuInSignatures(rsaSignPerSecond), cost.postgresCpuMs(), cost.statements(), cost.commits(),
                heapMib);
    }
}
