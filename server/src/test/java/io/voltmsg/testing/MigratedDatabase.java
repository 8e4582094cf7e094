package io.voltmsg.testing;

import io.voltmsg.shared.Databases;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database of the configured kind with the real schema, for tests of one feature's wiring or store without
 * the whole application: {@link #create()} directly, or {@link Beans} as a Spring configuration.
 */
public record MigratedDatabase(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {

    public static MigratedDatabase create() {
        TestDatabase db = TestDatabase.fresh();
        DataSource dataSource = DataSourceBuilder.create().url(db.url()).username(db.username()).password("").build();
        Flyway.configure().dataSource(dataSource).locations(Databases.migrationLocations(dataSource)).load().migrate();
        return new MigratedDatabase(dataSource, JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** The database's pieces as beans; not a {@code @Configuration}, so the application's scan leaves it alone. */
    public static class Beans {

        private final MigratedDatabase database = create();

        @Bean
        DataSource dataSource() {
            return database.dataSource();
        }

        @Bean
        JdbcClient jdbcClient() {
            return database.jdbc();
        }

        @Bean
        TransactionTemplate transactionTemplate() {
            return database.transactions();
        }
    }
}
