package io.voltmsg.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The portal's share of the machine. */
@ConfigurationProperties("voltmsg.portal")
public record PortalProperties(
        /* Portal pages worked on at once (0: two per CPU core, at least 4); more wait their turn, never taking the API's threads. */
        int requestThreads) {

    public PortalProperties {
        if (requestThreads < 0) {
            throw new IllegalArgumentException("voltmsg.portal.request-threads must be 0 (automatic) or positive");
        }
    }
}
