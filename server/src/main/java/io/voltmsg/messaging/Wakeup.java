package io.voltmsg.messaging;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Lets whoever queued a message (or the link that just bound) wake the sender loop now instead of at its next tick. */
@org.springframework.stereotype.Component
class Wakeup {

    private volatile Thread waiter;
    private volatile boolean pending;

    void wake() {
        pending = true;
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Parks the calling thread (the sender loop) until woken or {@code timeout} passed. */
    void await(Duration timeout) {
        waiter = Thread.currentThread();
        if (!pending) {
            LockSupport.parkNanos(timeout.toNanos());
        }
        pending = false;
    }
}
