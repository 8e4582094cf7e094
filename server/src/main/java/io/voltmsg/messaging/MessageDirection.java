package io.voltmsg.messaging;

/** INBOUND (from a handset to one of our numbers) or OUTBOUND; webhook bodies show it lower-case. */
public enum MessageDirection {
    INBOUND, OUTBOUND;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
