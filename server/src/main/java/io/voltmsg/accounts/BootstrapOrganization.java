package io.voltmsg.accounts;

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
        accounts.bootstrap(properties.phoneNumber(), properties.token()).ifPresent(token -> {
            String shown = properties.token() != null ? "(the value of voltmsg.bootstrap.token)" : token.token();
            log.info("""

                    ================================================================
                     voltmsg first start: created organization "Default"
                       organization id : {}
                       phone number    : {}
                       API token       : {}
                     This token is shown once and never again. Keep it safe.
                    ================================================================""",
                    token.organizationId(), properties.phoneNumber(), shown);
        });
    }
}
