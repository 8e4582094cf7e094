package io.voltmsg.shared;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings shared by every feature. */
@ConfigurationProperties("voltmsg")
public record VoltmsgProperties(
        /* Directory for the embedded H2 database and the generated master key. */
        @DefaultValue("./data") Path dataDir,
        /* How long this instance trusts what it read of tokens, phone numbers, blocked contacts and webhook receivers: changes made through this instance apply at once, through another instance within this time. */
        @DefaultValue("2s") Duration lookupCacheTtl) {
}
