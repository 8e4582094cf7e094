package io.voltmsg.carrier.smpp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The SMPP link to the carrier ({@code voltmsg.carrier.smpp.*}). */
@ConfigurationProperties("voltmsg.carrier.smpp")
public record SmppProperties(
        // SMSC host; ignored while the embedded simulator is enabled (then 127.0.0.1 and its port are used).
        @DefaultValue("127.0.0.1") String host,
        // SMSC port; ignored while the embedded simulator is enabled.
        @DefaultValue("2775") int port,
        // system_id sent in bind_transceiver.
        @DefaultValue("voltmsg") String systemId,
        // password sent in bind_transceiver (SMPP allows at most 8 characters).
        @DefaultValue("voltmsg") String password,
        // system_type sent in bind_transceiver; empty by default.
        @DefaultValue("") String systemType,
        // Window: at most this many submit_sm wait for their response at once.
        @DefaultValue("10") int window,
        // Throughput limit in submit_sm PDUs per second; 0 = unlimited.
        @DefaultValue("50") int throughput,
        // Interval of enquire_link keep-alives while bound.
        @DefaultValue("30s") Duration enquireLinkInterval,
        // First wait before reconnecting after a failed bind or a lost link; doubles each failure.
        @DefaultValue("1s") Duration reconnectInitialBackoff,
        // Longest wait between reconnect attempts.
        @DefaultValue("60s") Duration reconnectMaxBackoff,
        // How long to wait for a response PDU (bind_resp, submit_sm_resp) before giving up on the link.
        @DefaultValue("10s") Duration responseTimeout,
        // After this long, an incomplete concatenated inbound message is delivered with the parts received.
        @DefaultValue("60s") Duration reassemblyTimeout) {

    public SmppProperties {
        systemType = systemType == null ? "" : systemType;
        if (window < 1) {
            throw new IllegalArgumentException("voltmsg.carrier.smpp.window must be at least 1");
        }
    }

    /** Defaults, for tests and standalone use. */
    public static SmppProperties defaults(String host, int port) {
        return new SmppProperties(host, port, "voltmsg", "voltmsg", "", 10, 50, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public SmppProperties withCredentials(String systemId, String password) {
        return new SmppProperties(host, port, systemId, password, systemType, window, throughput,
                enquireLinkInterval, reconnectInitialBackoff, reconnectMaxBackoff, responseTimeout, reassemblyTimeout);
    }

    public SmppProperties withThroughput(int throughput) {
        return new SmppProperties(host, port, systemId, password, systemType, window, throughput,
                enquireLinkInterval, reconnectInitialBackoff, reconnectMaxBackoff, responseTimeout, reassemblyTimeout);
    }

    public SmppProperties withReassemblyTimeout(Duration reassemblyTimeout) {
        return new SmppProperties(host, port, systemId, password, systemType, window, throughput,
                enquireLinkInterval, reconnectInitialBackoff, reconnectMaxBackoff, responseTimeout, reassemblyTimeout);
    }
}
