package io.voltmsg.shared;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * When a connection fails because the database cannot serve (see {@link DatabaseFailures}), the pool drops that
 * connection and every other one, so the next request opens fresh ones. PostgreSQL needs little of this (the pool
 * already drops connections whose socket died), but H2 closes its store after a failed write (disk full or
 * read-only) and connections to the closed store would fail forever; fresh ones reopen the file, whose last good
 * commit is intact, so writes work again as soon as the disk does, without a restart.
 */
class BrokenConnectionEviction implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.setExceptionOverride(new EvictAllWhenUnavailable(pool));
        }
        return bean;
    }

    private record EvictAllWhenUnavailable(HikariDataSource pool) implements SQLExceptionOverride {

        @java.lang.Override // plain @Override would name SQLExceptionOverride.Override here
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            if (!DatabaseFailures.isUnavailable(failure)) {
                return SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
            HikariPoolMXBean connections = pool.getHikariPoolMXBean();
            if (connections != null) {
                connections.softEvictConnections(); // idle ones now, those in use when they come back
            }
            return SQLExceptionOverride.Override.MUST_EVICT;
        }
    }
}
