package io.voltmsg.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The organization created on first start with an empty database. */
@ConfigurationProperties("voltmsg.bootstrap")
public record BootstrapProperties(
        /* The first organization's API token; random (and printed once) when unset. */
        String token,
        /* The first organization's phone number, E.164. */
        @DefaultValue("+15550100001") String phoneNumber) {
}
