package io.voltmsg.shared;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SharedConfiguration {

    /** One clock for every time decision, so tests can move time instead of waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    static BrokenConnectionEviction brokenConnectionEviction() {
        return new BrokenConnectionEviction();
    }

    /** API requests are refused at once for a second after the database failed one. */
    @Bean
    DatabaseAvailability databaseAvailability() {
        return new DatabaseAvailability(Duration.ofSeconds(1), System::nanoTime);
    }

    @Bean
    RowClaims rowClaims(DataSource dataSource) {
        return RowClaims.forDatabase(dataSource);
    }
}
