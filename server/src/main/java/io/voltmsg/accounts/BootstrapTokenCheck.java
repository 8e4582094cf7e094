package io.voltmsg.accounts;

import io.voltmsg.shared.StartupProblem;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks {@code voltmsg.bootstrap.token} as soon as the configuration is read: a token that would be refused stops
 * the start before anything is created or listened on.
 */
public class BootstrapTokenCheck implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "voltmsg.bootstrap.token";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String token = environment.getProperty(PROPERTY);
        if (token == null || token.isEmpty()) {
            return;
        }
        String problem = Tokens.problemWith(token);
        if (problem != null) {
            throw new StartupProblem(PROPERTY + " (env VOLTMSG_BOOTSTRAP_TOKEN) " + problem + ".",
                    "Set it to a random value of " + Tokens.MIN_CONFIGURED_LENGTH + " to 512 printable characters "
                            + "(for example `openssl rand -hex 24`), or leave it unset to have a token generated.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
