package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseFailuresTest {

    @Test
    void aDatabaseThatCannotServeIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("pool timeout"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms")))
                .isTrue();
        // PostgreSQL: connection failure, admin shutdown, cannot connect now, disk full
        assertThat(DatabaseFailures.isUnavailable(sql("08006", 0))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("57P01", 0))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("57P03", 0))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("53100", 0))).isTrue();
        // H2: I/O error, read-only, closed after a failed write
        assertThat(DatabaseFailures.isUnavailable(sql("90028", 90028))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("90097", 90097))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(sql("90098", 90098))).isTrue();
    }

    @Test
    void theCauseIsFoundUnderSpringsAndOurOwnWrappers() {
        Exception wrapped = new IllegalStateException("recording failed",
                new UncategorizedSQLException("insert", "insert into x", sql("08003", 0)));
        assertThat(DatabaseFailures.isUnavailable(wrapped)).isTrue();
    }

    @Test
    void aDatabaseThatFailedToWriteItsFilesIsUnavailable() {
        // how H2 reports a full disk: a general error over its store's failure over the file system's
        Exception full = new SQLException("General error: Writing to file failed", "HY000", 50000,
                new IllegalStateException("Writing failed", new java.nio.file.FileSystemException("/data/voltmsg.mv.db",
                        null, "No space left on device")));
        assertThat(DatabaseFailures.isUnavailable(new org.springframework.transaction.TransactionSystemException(
                "JDBC commit failed", full))).isTrue();
    }

    @Test
    void aFailedRollbackIsJudgedByTheFailureItWasRollingBack() {
        // H2 closes its store after a failed write; the rollback that follows finds the connection closed too.
        org.springframework.transaction.TransactionSystemException rollbackFailed =
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "insert", sql("90098", 90098)));
        assertThat(DatabaseFailures.isUnavailable(rollbackFailed)).isTrue();

        org.springframework.transaction.TransactionSystemException afterABug =
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseFailures.isUnavailable(afterABug)).isFalse();
    }

    @Test
    void aRequestTheDatabaseRefusedIsNot() {
        assertThat(DatabaseFailures.isUnavailable(new DuplicateKeyException("duplicate"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("too long",
                new SQLIntegrityConstraintViolationException("value too long", "22001")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(sql("42P01", 0))).isFalse(); // undefined table: a bug, not an outage
        assertThat(DatabaseFailures.isUnavailable(sql("23505", 90028))).isFalse(); // a PostgreSQL code is not H2's
        assertThat(DatabaseFailures.isUnavailable(new IOException("not from the database"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseFailures.isUnavailable(a)).isFalse();
    }

    private static SQLException sql(String state, int code) {
        return new SQLException("failure " + state, state, code);
    }
}
