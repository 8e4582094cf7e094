package io.voltmsg.messaging;

import io.voltmsg.carrier.CarrierListener;
import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.carrier.InboundSms;
import org.springframework.stereotype.Component;

/**
 * What the carrier tells messaging. Receipts and inbound messages are recorded before this returns, so the
 * carrier acknowledges a PDU only once it is in the database; an exception makes the carrier deliver it again.
 */
@Component
class CarrierEvents implements CarrierListener {

    private final Receipts receipts;
    private final InboundMessages inbound;
    private final Wakeup wakeup;

    CarrierEvents(Receipts receipts, InboundMessages inbound, Wakeup wakeup) {
        this.receipts = receipts;
        this.inbound = inbound;
        this.wakeup = wakeup;
    }

    @Override
    public void onBound() {
        wakeup.wake();
    }

    @Override
    public void onReceipt(DeliveryReceipt receipt) {
        receipts.receipt(receipt);
    }

    @Override
    public void onInbound(InboundSms message) {
        inbound.inbound(message);
    }
}
