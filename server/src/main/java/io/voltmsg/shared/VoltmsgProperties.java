package io.voltmsg.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings shared by every feature. */
@ConfigurationProperties("voltmsg")
public record VoltmsgProperties(
        /* Directory for the embedded H2 database and the generated master key. */
        @DefaultValue("./data") Path dataDir) {
}
