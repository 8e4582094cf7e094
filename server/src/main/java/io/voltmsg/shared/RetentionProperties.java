package io.voltmsg.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long history is kept: delivery history (events, deliveries, attempts) and the audit log. */
@ConfigurationProperties("voltmsg")
public record RetentionProperties(
        /* Events, deliveries, attempts and audit entries older than this are purged (daily); pending deliveries are kept. */
        @DefaultValue("30d") Duration retention) {

    public RetentionProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("voltmsg.retention must be positive");
        }
    }
}
