package io.voltmsg.graphql;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Scope;
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
 * cookies are involved); keys, the schema explorer and the health status are public, metrics need
 * {@code read:metrics}; everything else is closed until a feature opens it.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain graphqlApi(HttpSecurity http, AccountService accounts, DatabaseAvailability database)
            throws Exception {
        return bearerTokens(http, new BearerTokenFilter(accounts, database, false), "/graphql", "/graphql/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    JsonErrors.write(response, HttpStatus.UNAUTHORIZED.value(), BearerTokenFilter.unauthorizedMessage(
                            request.getAttribute(BearerTokenFilter.REJECTED) != null), "UNAUTHENTICATED");
                }))
                .build();
    }

    /**
     * {@code /actuator}: the overall health and the liveness and readiness probes answer {@code UP}/{@code DOWN} to
     * anyone (orchestrators call them without a token); their components and details, the other health paths,
     * metrics and Prometheus need a token with {@code read:metrics}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, AccountService accounts, DatabaseAvailability database)
            throws Exception {
        return bearerTokens(http, new BearerTokenFilter(accounts, database, true), "/actuator", "/actuator/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest().hasAuthority(Scope.READ_METRICS.value()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            JsonErrors.write(response, HttpStatus.UNAUTHORIZED.value(), "metrics need a token with the "
                                    + "read:metrics scope: " + BearerTokenFilter.unauthorizedMessage(
                                    request.getAttribute(BearerTokenFilter.REJECTED) != null), "UNAUTHENTICATED");
                        })
                        .accessDeniedHandler((request, response, e) -> JsonErrors.write(response,
                                HttpStatus.FORBIDDEN.value(), "this token lacks the read:metrics scope", "FORBIDDEN")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicResources(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/id_rsa.pub", "/id_rsa.next.pub", "/.well-known/**", "/schema", "/schema.graphqls",
                        "/error")
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

    /** A stateless chain for {@code paths}: bearer tokens only, no cookies, sessions, forms or CSRF. */
    private static HttpSecurity bearerTokens(HttpSecurity http, BearerTokenFilter tokens, String... paths) {
        return http
                .securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(tokens, AnonymousAuthenticationFilter.class);
    }
}
