package io.voltmsg.shared;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts the database work of the whole application at the JDBC level and exports it: {@code voltmsg.db.statements}
 * (every statement sent, a batch of n rows counting n, queries and {@code nextval} included) and
 * {@code voltmsg.db.commits} (every commit that wrote, an autocommitted write counting one). The benchmark divides
 * them by events; they stay on in production, at one counter increment per statement.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseWorkConfiguration {

    /** Wraps every data source bean once it is configured; static, as a post-processor must be. */
    @Bean
    static CountingDataSources countingDataSources() {
        return new CountingDataSources();
    }

    @Bean
    MeterBinder databaseWorkMetrics(CountingDataSources dataSources) {
        JdbcCounters counters = dataSources.counters;
        return registry -> {
            FunctionCounter.builder("voltmsg.db.statements", counters, JdbcCounters::statements)
                    .description("SQL statements sent to the database (a batch of n rows counts n)")
                    .register(registry);
            FunctionCounter.builder("voltmsg.db.commits", counters, JdbcCounters::commits)
                    .description("Database commits that wrote (an autocommitted write counts one)")
                    .register(registry);
        };
    }

    /** Puts a {@link CountingDataSource} in front of each data source bean; all of them add to one set of counters. */
    static final class CountingDataSources implements BeanPostProcessor {

        final JdbcCounters counters = new JdbcCounters();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                    ? new CountingDataSource(dataSource, counters)
                    : bean;
        }
    }
}
