package io.voltmsg.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, counting every statement and every commit that wrote (see
 * {@link CountingConnection}). A {@link DelegatingDataSource}, so Spring Boot still finds the pool behind it
 * (pool metrics, health); closing it closes the pool.
 */
final class CountingDataSource extends DelegatingDataSource implements AutoCloseable {

    private final JdbcCounters counters;

    CountingDataSource(DataSource target, JdbcCounters counters) {
        super(target);
        this.counters = counters;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection wrap(Connection connection) throws SQLException {
        try {
            return new CountingConnection(connection, counters);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Spring closes a data source bean that can be closed; without this the pool would be left open. */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
