package io.voltmsg.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where webhook requests may go, and how long the registration test may take. */
@ConfigurationProperties("voltmsg.webhooks")
public record OutboundNetworkProperties(
        /* CIDRs endpoints may resolve to although private or loopback, e.g. 127.0.0.0/8,::1/128 (empty: none). */
        @DefaultValue("") List<String> allowedNetworks,
        /* How long the registration test request may take, connection included. */
        @DefaultValue("10s") Duration testTimeout) {
}
