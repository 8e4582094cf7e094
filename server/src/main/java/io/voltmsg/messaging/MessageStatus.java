package io.voltmsg.messaging;

import java.util.Arrays;
import java.util.Optional;

/** A message's state; shown lower-case ({@code queued}, {@code sent}, ...) because Volt clients read it as text. */
public enum MessageStatus {
    QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, RECEIVED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for states nothing moves a message out of. */
    public boolean isFinal() {
        return this == DELIVERED || this == UNDELIVERED || this == FAILED || this == RECEIVED;
    }

    public static Optional<MessageStatus> fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
    }
}
