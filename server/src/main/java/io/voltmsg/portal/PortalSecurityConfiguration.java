package io.voltmsg.portal;

import io.voltmsg.accounts.UserService;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security for the portal's pages: its own filter chain (the API's stays stateless). Form sign-in
 * with e-mail address and password, a session cookie (HttpOnly, SameSite=Lax, Secure when the request
 * came over HTTPS), CSRF on every form and htmx request, and a Content-Security-Policy that allows only
 * our own scripts and styles: no inline script, no {@code unsafe-inline}, no third-party origin, no framing.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, PortalSignIn signIn, UserService users) throws Exception {
        return http
                .securityMatcher(PortalRoutes.SECURED)
                .authenticationProvider(signIn)
                .formLogin(form -> form
                        .loginPage(PortalRoutes.SIGN_IN)
                        .loginProcessingUrl(PortalRoutes.SIGN_IN)
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/signout")
                        .logoutSuccessUrl(PortalRoutes.SIGN_IN + "?signedout")
                        .deleteCookies("JSESSIONID"))
                .httpBasic(basic -> basic.disable())
                .cors(cors -> cors.disable())
                .addFilterAfter(new SignedInUsers(users), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PortalRoutes.PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** The session cookie is also SameSite=Lax (Tomcat already makes it HttpOnly, and Secure over HTTPS). */
    @Bean
    CookieSameSiteSupplier portalSessionCookie() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }
}
