package io.voltmsg.carrier;

/**
 * Implemented by the messaging feature: what the carrier tells us.
 *
 * <p>Receipts and inbound messages are acknowledged to the carrier only after the method returned
 * normally; if it throws, the carrier is answered with a temporary error and delivers again later, so
 * implementations must be idempotent. Calls may come from several threads at once. The message completed by the
 * last part of a concatenated message is handed on inside the transaction that stores that part: implementations
 * join it (Spring's default propagation), so message and part commit together, and act after commit.
 */
public interface CarrierListener {

    /** The link is (again) bound: messages that wait queued may be submitted now. */
    void onBound();

    /** A delivery receipt for one segment (one carrier message id); the id may be unknown to us. */
    void onReceipt(DeliveryReceipt receipt);

    /** A mobile-originated message, already reassembled when it came in several segments. */
    void onInbound(InboundSms message);
}
