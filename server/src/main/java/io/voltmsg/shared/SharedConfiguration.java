package io.voltmsg.shared;

import java.time.Clock;
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

    @Bean
    RowClaims rowClaims(DataSource dataSource) {
        return RowClaims.forDatabase(dataSource);
    }
}
