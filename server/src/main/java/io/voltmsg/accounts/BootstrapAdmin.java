package io.voltmsg.accounts;

import io.voltmsg.shared.ApiException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * When the database has no portal user, creates {@code voltmsg.bootstrap.admin-email} as admin of the
 * organization that owns the bootstrap number (on a fresh database the Default organization; on one
 * made before users existed, whichever organization has that number) and prints its password once.
 * Runs once the application is ready, so after every start-up runner (the organization's among them);
 * only in the server, never in a command-line run.
 */
@Component
@ConditionalOnWebApplication
class BootstrapAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserService users;
    private final AccountService accounts;
    private final BootstrapProperties properties;
    private final Environment environment;

    BootstrapAdmin(UserService users, AccountService accounts, BootstrapProperties properties, Environment environment) {
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        if (properties.adminPassword() != null && Passwords.problemWith(properties.adminPassword()) != null) {
            throw new IllegalArgumentException("voltmsg.bootstrap.admin-password: "
                    + Passwords.problemWith(properties.adminPassword()));
        }
        String email = Emails.normalize(properties.adminEmail());
        if (!users.none()) {
            return;
        }
        Optional<String> organization = accounts.organizationOfNumber(properties.phoneNumber());
        if (organization.isEmpty()) {
            log.warn("No portal user exists and no organization owns the bootstrap number {}; create one with "
                    + "`java -jar voltmsg.jar user create --org ORG_ID --role admin EMAIL`", properties.phoneNumber());
            return;
        }
        IssuedPassword issued;
        try {
            issued = users.add(organization.get(), email, Role.ADMIN, properties.adminPassword());
        } catch (ApiException | DuplicateKeyException e) {
            log.info("The first portal user was created by another instance starting at the same time");
            return;
        }
        String shown = properties.adminPassword() != null ? "(the value of voltmsg.bootstrap.admin-password)"
                : issued.password() + "  (one-time: you choose your own at the first sign-in)";
        log.info("""

                ================================================================
                 voltmsg portal: created the first user, an admin
                   sign in at      : {}://127.0.0.1:{}/ (from this machine)
                   e-mail address  : {}
                   password        : {}
                 This password is shown once and never again.
                ================================================================""",
                environment.containsProperty("server.ssl.enabled") || environment.containsProperty("server.ssl.bundle")
                        || environment.containsProperty("server.ssl.certificate") ? "https" : "http",
                environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                email, shown);
    }
}
