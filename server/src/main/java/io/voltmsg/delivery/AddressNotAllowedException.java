package io.voltmsg.delivery;

import java.net.UnknownHostException;

/** Thrown at connect time when a host resolves only to addresses webhooks may not reach. */
final class AddressNotAllowedException extends UnknownHostException {

    AddressNotAllowedException(String host) {
        super("address not allowed for " + host);
    }
}
