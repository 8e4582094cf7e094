package io.voltmsg.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The organization and the first portal user created on first start with an empty database. */
@ConfigurationProperties("voltmsg.bootstrap")
public record BootstrapProperties(
        /* The first organization's API token; random (and printed once) when unset. */
        String token,
        /* The first organization's phone number, E.164. */
        @DefaultValue("+15550100001") String phoneNumber,
        /* The first portal user, created as admin of the bootstrap organization when the database has no user. */
        @DefaultValue("admin@localhost") String adminEmail,
        /* That user's password (at least 12 characters); random, printed once and to be changed at the first sign-in, when unset. */
        String adminPassword) {
}
