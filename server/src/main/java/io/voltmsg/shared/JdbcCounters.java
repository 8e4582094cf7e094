package io.voltmsg.shared;

import java.util.concurrent.atomic.LongAdder;

/**
 * Statements and commits that reached the database, counted at the JDBC level by {@link CountingDataSource}
 * and exported as {@code voltmsg.db.statements} and {@code voltmsg.db.commits}. Every statement pays one
 * {@link LongAdder} increment, so the counting stays on in production.
 */
final class JdbcCounters {

    private final LongAdder statements = new LongAdder();
    private final LongAdder commits = new LongAdder();

    void statements(int count) {
        statements.add(count);
    }

    void commit() {
        commits.increment();
    }

    long statements() {
        return statements.sum();
    }

    long commits() {
        return commits.sum();
    }
}
