package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.TestDatabase;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements and commits counted at the JDBC level, on the run's real database (H2 or PostgreSQL) behind the
 * same pool the server uses: what {@code voltmsg.db.statements} and {@code voltmsg.db.commits} report.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class CountingDataSourceTest {

    private static HikariDataSource pool;
    private static final AtomicInteger ids = new AtomicInteger();
    private JdbcCounters counters;
    private CountingDataSource dataSource;

    @BeforeAll
    static void createTable() throws SQLException {
        TestDatabase database = TestDatabase.fresh();
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.username());
        pool.setMaximumPoolSize(3);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table counted (id int primary key, note varchar(20))");
            statement.execute("create sequence counted_sequence");
        }
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void countFromZero() {
        counters = new JdbcCounters();
        dataSource = new CountingDataSource(pool, counters);
    }

    @Test
    void aTransactionWritingABatchOfThreeRowsIsThreeStatementsAndOneCommit() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into counted (id, note) values (?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    insert.setInt(1, ids.incrementAndGet());
                    insert.setString(2, "batch");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertCounted(3, 1);
    }

    @Test
    void queriesAndNextvalAreStatementsButAReadOnlyCommitIsNotCounted() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("select count(*) from counted").close();
                statement.executeQuery("select nextval('counted_sequence')").close();
                statement.executeQuery("select id from counted where id = -1 for update").close();
            }
            connection.commit();
        }

        assertCounted(3, 0);
    }

    @Test
    void underAutocommitEachWriteIsACommitAndEachQueryIsNone() throws SQLException {
        int id = ids.incrementAndGet();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
            try (PreparedStatement insert = connection.prepareStatement("insert into counted (id, note) values (?, 'auto')")) {
                insert.setInt(1, id);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.execute("update counted set note = 'again' where id = " + id)).isFalse();
                statement.executeQuery("select note from counted where id = " + id).close();
            }
        }

        assertCounted(3, 2);
    }

    @Test
    void anUpdateThatMatchedNoRowsWroteNothing() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("update counted set note = ? where id = ?")) {
                update.setString(1, "none");
                update.setInt(2, -1);
                assertThat(update.executeUpdate()).isZero();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertCounted(1, 0);
    }

    @Test
    void rolledBackWritesAreNoCommit() throws SQLException {
        int id = ids.incrementAndGet();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, id);
            connection.rollback();
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertCounted(1, 0);
        assertThat(rows(id)).isZero();
    }

    @Test
    void switchingAutocommitBackOnCommitsTheOpenTransactionAndCountsIt() throws SQLException {
        int id = ids.incrementAndGet();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, id);
            connection.setAutoCommit(true);
            connection.setAutoCommit(true);
        }

        assertCounted(1, 1);
        assertThat(rows(id)).as("JDBC commits when autocommit is switched back on").isEqualTo(1);
    }

    @Test
    void aClearedBatchDoesNotCountAndPlainStatementBatchesCountPerStatement() throws SQLException {
        int first = ids.incrementAndGet();
        int second = ids.incrementAndGet();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.addBatch("insert into counted (id, note) values (" + ids.incrementAndGet() + ", 'dropped')");
            statement.clearBatch();
            statement.addBatch("insert into counted (id, note) values (" + first + ", 'plain')");
            statement.addBatch("insert into counted (id, note) values (" + second + ", 'plain')");
            statement.executeBatch();
        }

        assertThat(counters.statements()).isEqualTo(2);
        assertThat(counters.commits()).as("one commit per autocommitted batch").isEqualTo(1);
    }

    @Test
    void springTransactionsAndJdbcTemplateBatchesAreCountedLikeTheServersRepositories() {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcTemplate template = new JdbcTemplate(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Object[]> rows = List.of(row(), row(), row(), row());

        Long count = transactions.execute(status -> {
            template.batchUpdate("insert into counted (id, note) values (?, ?)", rows);
            return jdbc.sql("select count(*) from counted").query(Long.class).single();
        });
        transactions.executeWithoutResult(status -> jdbc.sql("select count(*) from counted").query(Long.class).single());

        assertThat(count).isPositive();
        assertCounted(6, 1);
    }

    @Test
    void aQueryWhoseTextWritesCountsAsAWrite() throws SQLException {
        assumeTrue(TestDatabase.isPostgres(), "RETURNING is PostgreSQL's (H2 has none)");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into counted (id, note) values (?, 'returning') returning id")) {
                insert.setInt(1, ids.incrementAndGet());
                insert.executeQuery().close();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertCounted(1, 1);
    }

    @Test
    void procedureCallsAreCountedToo() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             CallableStatement call = connection.prepareCall("select count(*) from counted")) {
            try (ResultSet result = call.executeQuery()) {
                assertThat(result.next()).isTrue();
            }
        }

        assertThat(counters.statements()).isEqualTo(1);
    }

    @Test
    void theWrapperHidesNothingTheApplicationNeeds() throws Exception {
        assertThat(DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class, HikariDataSource.class))
                .as("Spring Boot finds the pool behind the wrapper (pool metrics, health)").isSameAs(pool);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.getConnection()).isSameAs(connection);
            assertThat(connection.isWrapperFor(Connection.class)).isTrue();
            assertThat(connection.unwrap(CountingConnection.class)).isSameAs(connection);
            assertThat(statement.unwrap(Statement.class)).isSameAs(statement);
        }

        HikariDataSource ownPool = new HikariDataSource();
        ownPool.setJdbcUrl(pool.getJdbcUrl());
        ownPool.setUsername(pool.getUsername());
        ownPool.setMaximumPoolSize(1);
        new CountingDataSource(ownPool, counters).close();
        assertThat(ownPool.isClosed()).as("closing the wrapper closes the pool, as Spring does at shutdown").isTrue();
    }

    private void assertCounted(long statements, long commits) {
        assertThat(counters.statements()).as("statements").isEqualTo(statements);
        assertThat(counters.commits()).as("commits that wrote").isEqualTo(commits);
    }

    private static Object[] row() {
        return new Object[] {ids.incrementAndGet(), "template"};
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into counted (id, note) values (?, 'tx')")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
    }

    private static int rows(int id) throws SQLException {
        try (Connection connection = pool.getConnection();
             ResultSet result = connection.createStatement().executeQuery("select count(*) from counted where id = " + id)) {
            result.next();
            return result.getInt(1);
        }
    }
}
