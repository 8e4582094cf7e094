package io.voltmsg.carrier;

/**
 * The embedded SMSC, present as a bean only while {@code voltmsg.carrier.simulator.enabled=true}.
 * Lets the server fake a mobile-originated message (GraphQL {@code simulateInboundMessage}, CLI).
 */
public interface CarrierSimulator {

    /**
     * Sends a mobile-originated message as real deliver_sm PDUs (segmented with UDH when long) to the bound
     * client; held until a client binds.
     *
     * @param from the handset, E.164 with '+'
     * @param to   our number, E.164 with '+'
     */
    void injectInbound(String from, String to, String text);

    /** The TCP port the simulator actually listens on (meaningful once started). */
    int port();
}
