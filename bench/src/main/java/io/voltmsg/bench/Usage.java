package io.voltmsg.bench;

/**
 * What the processes of a run had used at one moment, in clock ticks, and the server's database counters
 * ({@code voltmsg_db_statements_total}, {@code voltmsg_db_commits_total}). A process the run does not have (the
 * SMSC when it is embedded in the server, PostgreSQL on H2) reads 0.
 */
record Usage(long serverTicks, long smscTicks, long generatorTicks, long postgresTicks, double statements, double commits) {
}
