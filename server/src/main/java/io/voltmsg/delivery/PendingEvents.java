package io.voltmsg.delivery;

import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events a transaction published, written together just before it commits ({@link EventPublisher#store}) and
 * announced to the dispatcher once it committed. Bound to the transaction, so a rollback forgets them.
 */
final class PendingEvents implements TransactionSynchronization {

    private final EventPublisher publisher;
    private final List<EventPublisher.NewEvent> events = new ArrayList<>();

    private PendingEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Adds the events to the current transaction's; without transaction synchronization they are written now. */
    static void add(EventPublisher publisher, List<EventPublisher.NewEvent> made) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publisher.store(made);
            publisher.wakeDispatcherAfterCommit();
            return;
        }
        PendingEvents pending = (PendingEvents) TransactionSynchronizationManager.getResource(publisher);
        if (pending == null) {
            pending = new PendingEvents(publisher);
            TransactionSynchronizationManager.bindResource(publisher, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.events.addAll(made);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        List<EventPublisher.NewEvent> toWrite = List.copyOf(events);
        events.clear();
        publisher.store(toWrite);
    }

    @Override
    public void afterCommit() {
        publisher.wakeDispatcher();
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(publisher);
    }
}
