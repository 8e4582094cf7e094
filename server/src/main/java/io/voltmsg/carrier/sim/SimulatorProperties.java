package io.voltmsg.carrier.sim;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The embedded SMSC simulator ({@code voltmsg.carrier.simulator.*}). */
@ConfigurationProperties("voltmsg.carrier.simulator")
public record SimulatorProperties(
        // Run the embedded SMSC on loopback and point the SMPP client at it (overrides voltmsg.carrier.smpp.host/port).
        @DefaultValue("true") boolean enabled,
        // TCP port on 127.0.0.1; 0 takes any free port (the client follows it).
        @DefaultValue("2775") int port,
        // system_id a client must bind with.
        @DefaultValue("voltmsg") String systemId,
        // password a client must bind with; a wrong one gets ESME_RINVPASWD.
        @DefaultValue("voltmsg") String password,
        // Delay between an accepted submit_sm and its delivery receipt.
        @DefaultValue("200ms") Duration receiptDelay) {

    public static SimulatorProperties defaults(int port) {
        return new SimulatorProperties(true, port, "voltmsg", "voltmsg", Duration.ofMillis(200));
    }

    public SimulatorProperties withReceiptDelay(Duration delay) {
        return new SimulatorProperties(enabled, port, systemId, password, delay);
    }

    public SimulatorProperties withPort(int port) {
        return new SimulatorProperties(enabled, port, systemId, password, receiptDelay);
    }
}
