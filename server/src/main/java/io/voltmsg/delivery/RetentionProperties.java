package io.voltmsg.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long delivery history is kept. */
@ConfigurationProperties("voltmsg")
public record RetentionProperties(
        /* Events, deliveries and attempts older than this are purged (daily); pending deliveries are kept. */
        @DefaultValue("30d") Duration retention) {

    public RetentionProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("voltmsg.retention must be positive");
        }
    }
}
