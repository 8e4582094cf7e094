package io.voltmsg.accounts;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On first start, creates the Default organization and prints its token once. */
@Component
class BootstrapOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapOrganization.class);

    private final AccountService accounts;
    private final BootstrapProperties properties;

    BootstrapOrganization(AccountService accounts, BootstrapProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<IssuedToken> created = accounts.bootstrap(properties.phoneNumber(), properties.token());
        if (created.isEmpty()) {
            if (properties.token() != null && !properties.token().isEmpty() && !accounts.isActiveToken(properties.token())) {
                log.warn("voltmsg.bootstrap.token (VOLTMSG_BOOTSTRAP_TOKEN) is ignored: it is read only on the first "
                        + "start, and this database was set up before with another token. To make a new token: "
                        + "java -jar voltmsg.jar token create --org <org id> --scopes all (org list shows the ids)");
            }
            return;
        }
        IssuedToken token = created.get();
        if (properties.token() != null) {
            log.info("""

                    ================================================================
                     voltmsg first start: created organization "Default"
                       organization id : {}
                       phone number    : {}
                       API token       : the value of voltmsg.bootstrap.token (id {})
                    ================================================================""",
                    token.organizationId(), properties.phoneNumber(), token.id());
            return;
        }
        log.info("""

                ================================================================
                 voltmsg first start: created organization "Default"
                   organization id : {}
                   phone number    : {}
                   API token       : {}
                 This token is shown once and never again. Keep it safe.
                ================================================================""",
                token.organizationId(), properties.phoneNumber(), token.token());
    }
}
