package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Both ways of claiming rows, on the database of the run (H2 or PostgreSQL), with two sessions. */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class RowClaimsTest {

    private static final String DUE = "select q.id from work_queue q where q.status = 'READY' and q.due_at <= :now";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static TestDatabase database;

    @BeforeAll
    static void createQueue() throws SQLException {
        database = TestDatabase.fresh();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table work_queue (id varchar(20) primary key, status varchar(10) not null,"
                    + " due_at timestamp with time zone not null)");
            statement.execute("create index work_queue_due on work_queue (status, due_at)");
        }
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("insert into work_queue values (?, ?, ?)")) {
            // Ids in the opposite order of due times, so that an id order cannot pass for the queue's order.
            for (int i = 0; i < 60; i++) {
                insert.setString(1, "row" + (100 - i));
                insert.setString(2, i % 10 == 9 ? "DONE" : "READY");
                insert.setObject(3, Times.sql(NOW.minusSeconds(600 - i)));
                insert.executeUpdate();
            }
            insert.setString(1, "later"); // not due yet
            insert.setString(2, "READY");
            insert.setObject(3, Times.sql(NOW.plusSeconds(60)));
            insert.executeUpdate();
        }
    }

    @ParameterizedTest(name = "lock while choosing: {0}")
    @ValueSource(booleans = {true, false})
    void takesTheFirstDueRowsInQueueOrderAndSkipsRowsAnotherSessionHolds(boolean lockWhileChoosing) throws SQLException {
        RowClaims claims = RowClaims.lockingWhileChoosing(lockWhileChoosing);
        try (Connection first = transaction(); Connection second = transaction()) {
            List<String> firstClaim = claim(claims, first, NOW, 10);
            assertThat(firstClaim).containsExactly(expectedQueue().subList(0, 10).toArray(String[]::new));

            List<String> secondClaim = claim(claims, second, NOW, 10);
            assertThat(secondClaim).doesNotContainAnyElementsOf(firstClaim);
            if (lockWhileChoosing && TestDatabase.isPostgres()) {
                // PostgreSQL stops locking at the limit: instances sharing it each get their own rows.
                assertThat(secondClaim).containsExactly(expectedQueue().subList(10, 20).toArray(String[]::new));
            } else {
                // H2 locks every row its WHERE matched (the reason RowClaims chooses first there), and
                // choosing before locking serves one claimer: either way a second session gets nothing.
                assertThat(secondClaim).isEmpty();
            }
            first.rollback();
            second.rollback();
        }
    }

    @ParameterizedTest(name = "lock while choosing: {0}")
    @ValueSource(booleans = {true, false})
    void rowsAreFreeAgainWhenTheHoldingTransactionEnds(boolean lockWhileChoosing) throws SQLException {
        RowClaims claims = RowClaims.lockingWhileChoosing(lockWhileChoosing);
        try (Connection first = transaction(); Connection second = transaction()) {
            claim(claims, first, NOW, 5);
            first.rollback();
            assertThat(claim(claims, second, NOW, 5)).containsExactly(expectedQueue().subList(0, 5).toArray(String[]::new));
            second.rollback();
        }
    }

    @ParameterizedTest(name = "lock while choosing: {0}")
    @ValueSource(booleans = {true, false})
    void anEmptyQueueGivesNothing(boolean lockWhileChoosing) throws SQLException {
        try (Connection connection = transaction()) {
            assertThat(claim(RowClaims.lockingWhileChoosing(lockWhileChoosing), connection, NOW.minusSeconds(3600), 10))
                    .isEmpty();
            connection.rollback();
        }
    }

    /** READY rows in due order: row100, row99, … skipping every tenth (DONE), never 'later'. */
    private static List<String> expectedQueue() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i % 10 != 9) {
                ids.add("row" + (100 - i));
            }
        }
        return ids;
    }

    /** Claims due rows in the connection's open transaction. */
    private static List<String> claim(RowClaims claims, Connection connection, Instant now, int limit) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        return claims.lock(jdbc, DUE, "q", "q.status, q.due_at", Map.of("now", Times.sql(now)), limit);
    }

    private static Connection transaction() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        return connection;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), "");
    }
}
