package io.voltmsg.carrier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A CarrierListener for tests: records everything; can be told to fail the next N calls. */
public final class RecordingListener implements CarrierListener {

    public final AtomicInteger bound = new AtomicInteger();
    public final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    public final List<InboundSms> inbound = new CopyOnWriteArrayList<>();
    public final AtomicInteger failNext = new AtomicInteger();
    public final AtomicInteger failures = new AtomicInteger();

    @Override
    public void onBound() {
        bound.incrementAndGet();
    }

    @Override
    public void onReceipt(DeliveryReceipt receipt) {
        maybeFail();
        receipts.add(receipt);
    }

    @Override
    public void onInbound(InboundSms message) {
        maybeFail();
        inbound.add(message);
    }

    private void maybeFail() {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failures.incrementAndGet();
            throw new IllegalStateException("simulated listener failure");
        }
    }

    public List<DeliveryReceipt> receiptsFor(String carrierMessageId) {
        return receipts.stream().filter(r -> r.carrierMessageId().equals(carrierMessageId)).toList();
    }
}
