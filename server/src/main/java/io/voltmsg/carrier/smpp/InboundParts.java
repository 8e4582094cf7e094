package io.voltmsg.carrier.smpp;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the parts of concatenated inbound messages wait for each other, keyed by (source, destination, reference
 * and its 8/16-bit kind). A part is acknowledged to the carrier only once it is kept here, so the server keeps them
 * in its database ({@link StoredInboundParts}); {@link ConcatReassembler} keeps them in memory for a carrier link
 * used without one.
 */
public interface InboundParts {

    /** One part of a concatenated message, as it came. */
    record Part(String from, String to, int reference, boolean sixteenBit, int total, int sequence, String text) {
    }

    /** A whole message (or, after the timeout, the parts that came), in sequence order. */
    record Assembled(String from, String to, String text, int segments, Instant firstPartAt) {
    }

    /**
     * Keeps a part. When it completes its message, {@code handOn} gets the message before this returns, and the part
     * counts as kept only if {@code handOn} returned normally: when it or the store fails, this throws and nothing of
     * the part is kept, so the carrier delivers it again. A part of a message handed on less than a timeout ago is a
     * duplicate and ignored.
     */
    void accept(Part part, Instant now, Consumer<Assembled> handOn);

    /**
     * Hands on, one by one, the messages whose first part came a timeout or more before {@code now}, with the parts
     * received so far; each is forgotten once {@code handOn} returned, and offered again on a later call if it threw.
     */
    void expire(Instant now, Consumer<Assembled> handOn);
}
