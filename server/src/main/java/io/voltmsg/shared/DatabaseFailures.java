package io.voltmsg.shared;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot serve now (stopped, unreachable, disk full or read-only) from a request the database
 * refused. The first is worth retrying once the database is back, and callers answer it as such (HTTP 503, SMPP
 * temporary error); nothing was committed, so nothing was half done.
 */
public final class DatabaseFailures {

    /** PostgreSQL: admin or crash shutdown, cannot connect now, out of resources, disk full, I/O error. */
    private static final Set<String> POSTGRES_STATES = Set.of("57P01", "57P02", "57P03", "53000", "53100", "58030");
    /**
     * H2 (its SQL state is the error code): I/O errors (90028, 90031), connection broken (90067), read-only (90097)
     * and closed database (90098; after a failed write H2 closes its store).
     */
    private static final Set<Integer> H2_CODES = Set.of(90028, 90031, 90067, 90097, 90098);
    private static final int MAX_CAUSES = 32;
    /** What callers are told to wait before trying again (HTTP {@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** The one message a caller gets when the database cannot serve its request. */
    public static final String MESSAGE = "the database is unavailable right now; retry in " + RETRY_AFTER_SECONDS
            + " seconds (a request that failed this way may or may not have been applied: retry createMessage with "
            + "the same idempotencyKey)";

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        boolean fromTheDatabase = false;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            // A rollback that failed after the work failed hides the work's failure, which tells why.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure && isUnavailable(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (isUnavailable(sql)) {
                    return true;
                }
                fromTheDatabase = true;
            }
            // The database failed to read or write its files (H2 reports a full disk as a "general error").
            if (fromTheDatabase && t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || POSTGRES_STATES.contains(state))) {
            return true;
        }
        return H2_CODES.contains(e.getErrorCode()) && state != null && state.equals(Integer.toString(e.getErrorCode()));
    }
}
