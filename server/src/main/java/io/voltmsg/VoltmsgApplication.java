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

    /** With a command (org, token, ...) runs the CLI; otherwise starts the server. */
    public static void main(String[] args) {
        if (VoltmsgCli.handles(args)) {
            System.exit(VoltmsgCli.run(args));
        }
        SpringApplication.run(VoltmsgApplication.class, args);
    }
}
