package io.voltmsg;

import io.voltmsg.cli.VoltmsgCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// No user store: the API authenticates tokens itself, so Boot's generated dev password is never wanted.
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class VoltmsgApplication {

    /**
     * Starts the server with no arguments, {@code serve}, or only {@code --some.property=value} arguments; anything
     * else is the CLI's (a command, {@code --version}, {@code --help}, or a usage error that starts nothing).
     */
    public static void main(String[] args) {
        java.util.List<String> serverArguments = VoltmsgCli.serverArguments(args);
        if (serverArguments == null) {
            System.exit(VoltmsgCli.run(args));
        }
        SpringApplication.run(VoltmsgApplication.class, serverArguments.toArray(String[]::new));
    }
}
