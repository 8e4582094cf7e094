package io.voltmsg.carrier.smpp;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The SMPP window: at most {@code size} submit_sm may be waiting for their submit_sm_resp. A slot is
 * taken before a PDU is written and given back when its response (or failure) came.
 */
final class SubmitWindow {

    private final int size;
    private final Semaphore slots;

    SubmitWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    boolean tryAcquire() {
        return slots.tryAcquire();
    }

    boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return slots.tryAcquire(timeout, unit);
    }

    void release() {
        slots.release();
    }

    int inFlight() {
        return size - slots.availablePermits();
    }

    int size() {
        return size;
    }
}
