package io.voltmsg.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Key material settings. */
@ConfigurationProperties("voltmsg.signing")
public record SigningProperties(
        /* Base64 of 32 random bytes that encrypts private keys at rest; generated into the data dir on H2, required on PostgreSQL. */
        String masterKey) {
}
