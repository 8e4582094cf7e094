package io.voltmsg.bench;

import java.util.Map;

/** Takes a {@link Usage} reading: process CPU from {@code /proc}, the server's database counters from its metrics. */
final class UsageReader {

    static final String STATEMENTS = "voltmsg_db_statements_total";
    static final String COMMITS = "voltmsg_db_commits_total";

    private final EndToEnd.Api api;
    private final long serverPid;
    private final long smscPid;
    private final long postmasterPid;
    private final long generatorPid = ProcessHandle.current().pid();

    /** {@code smscPid} and {@code postmasterPid} are 0 when the run has no such process. */
    UsageReader(EndToEnd.Api api, long serverPid, long smscPid, long postmasterPid) {
        this.api = api;
        this.serverPid = serverPid;
        this.smscPid = smscPid;
        this.postmasterPid = postmasterPid;
    }

    Usage read() throws Exception {
        long server = Processes.ownTicks(serverPid);
        long smsc = smscPid > 0 ? Processes.ownTicks(smscPid) : 0;
        long generator = Processes.ownTicks(generatorPid);
        long postgres = postmasterPid > 0 ? Processes.treeTicks(postmasterPid) : 0;
        String metrics = api.metrics(STATEMENTS, COMMITS);
        return new Usage(server, smsc, generator, postgres, counter(metrics, STATEMENTS), counter(metrics, COMMITS));
    }

    private static double counter(String metrics, String name) {
        double value = PrometheusText.sum(metrics, name, Map.of());
        if (Double.isNaN(value)) {
            throw new IllegalStateException("the server's metrics have no " + name + " (a server without database counting?)");
        }
        return value;
    }
}
