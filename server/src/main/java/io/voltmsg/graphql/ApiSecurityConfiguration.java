package io.voltmsg.graphql;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.shared.DatabaseAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Security for the API: {@code /graphql} is stateless with bearer tokens and no CSRF (no
 * cookies are involved); keys, the schema explorer, health and metrics are public; everything
 * else is closed until a feature opens it.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain graphqlApi(HttpSecurity http, AccountService accounts, DatabaseAvailability database)
            throws Exception {
        return http
                .securityMatcher("/graphql", "/graphql/**")
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accounts, database), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                        JsonErrors.write(response, HttpStatus.UNAUTHORIZED.value(), "unauthorized", "UNAUTHENTICATED")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicResources(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/id_rsa.pub", "/id_rsa.next.pub", "/.well-known/**", "/schema", "/schema.graphqls",
                        "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error")
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                        response.sendError(HttpStatus.NOT_FOUND.value())))
                .build();
    }
}
