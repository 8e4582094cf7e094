package io.voltmsg.carrier;

/**
 * The link was down, or dropped before the carrier answered. The message may or may not have reached the
 * carrier; keep it queued and submit it again after {@link CarrierListener#onBound()}.
 */
public class CarrierUnavailableException extends RuntimeException {
    public CarrierUnavailableException(String message) {
        super(message);
    }

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
