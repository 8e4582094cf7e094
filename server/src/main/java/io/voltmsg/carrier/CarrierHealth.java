package io.voltmsg.carrier;

import io.voltmsg.carrier.smpp.SmppClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code carrier} in {@code /actuator/health}: up while the SMPP link is bound. Part of readiness only: the server
 * keeps accepting and queueing messages while the link is down, and a restart would not bring the carrier back.
 */
@Component("carrier")
class CarrierHealth implements HealthIndicator {

    private final SmppClient client;

    CarrierHealth(SmppClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        return (client.isBound() ? Health.up() : Health.down().withDetail("reason", "SMPP link not bound; reconnecting"))
                .withDetail("inFlight", client.inFlight())
                .build();
    }
}
