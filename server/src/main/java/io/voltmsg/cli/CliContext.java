package io.voltmsg.cli;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.audit.AuditLog;
import io.voltmsg.delivery.DeliveryService;
import io.voltmsg.webhooks.WebhookService;
import io.voltmsg.shared.SharedConfiguration;
import io.voltmsg.shared.Databases;
import io.voltmsg.shared.EmbeddedDatabase;
import java.nio.file.Files;
import io.voltmsg.signing.SigningService;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The small context CLI commands run in: the same database settings and services as the
 * server, without the web server, the dispatcher or start-up tasks, so a command works
 * while the server runs (H2's AUTO_SERVER mode lets both share the file). Deliberately not a
 * {@code @Configuration}: the server's component scan must not pick it up.
 */

@EnableTransactionManagement
@ConfigurationPropertiesScan("io.voltmsg")
@ComponentScan(basePackageClasses = {AccountService.class, AuditLog.class, SharedConfiguration.class, SigningService.class,
        WebhookService.class, DeliveryService.class},
        excludeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
                // Nothing that starts work of its own (the dispatcher, start-up tasks) runs in a command.
                classes = {ApplicationRunner.class, org.springframework.context.Lifecycle.class}))
class CliContext {

    /** Not started here: bean post-processors still configure the pool, which it refuses once started. */
    @Bean(destroyMethod = "")
    DataSource dataSource(Environment env) {
        String url = env.getRequiredProperty("spring.datasource.url");
        // H2 would create an empty database where none is: a command run from the wrong directory would then
        // work on a database the server never sees.
        EmbeddedDatabase.fileOf(url).filter(file -> !Files.exists(file)).ifPresent(file -> {
            throw CliFailure.noDatabase(file);
        });
        return DataSourceBuilder.create()
                .url(url)
                .username(env.getProperty("spring.datasource.username"))
                .password(env.getProperty("spring.datasource.password"))
                .build();
    }

    /** The schema a command reads, brought up to date before anything uses the database. */
    @Bean
    Flyway flyway(DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations(Databases.migrationLocations(dataSource)).load();
        flyway.migrate();
        return flyway;
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource, Flyway migrated) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate(DataSource dataSource, Flyway migrated) {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
