package io.voltmsg.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must follow the commit of the caller's transaction: counting, waking a worker, telling a waiting caller.
 * A group commit that fails runs its pieces again one by one, so what is counted or announced must happen once, for
 * what was stored.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs once the caller's transaction committed, not at all if it rolls back; at once without a transaction. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
