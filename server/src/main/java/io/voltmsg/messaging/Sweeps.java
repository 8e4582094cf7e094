package io.voltmsg.messaging;

import io.voltmsg.delivery.EventType;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Ends messages time has decided: receipts overdue after {@code receipt-timeout}, messages past their {@code validity}. */
@Component
class Sweeps {

    private static final int BATCH = 100;

    private final MessageRepository repository;
    private final Transitions transitions;
    private final MessagingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Sweeps(MessageRepository repository, Transitions transitions, MessagingProperties properties,
           TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.transitions = transitions;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One round of both sweeps; run by every instance, rows claimed with SKIP LOCKED. Returns how many ended. */
    int sweep() {
        Instant now = Times.now(clock);
        Integer expired = transactions.execute(tx -> {
            List<String> ids = repository.sentBefore(now.minus(properties.receiptTimeout()), BATCH);
            for (String id : ids) {
                transitions.change(id, Lifecycle.Trigger.RECEIPT_TIMEOUT, (m, at) -> Transitions.withState(m,
                        MessageStatus.UNDELIVERED, m.segments(), "EXPIRED",
                        "no final delivery receipt within " + properties.receiptTimeout(), m.sentAt(), null, at),
                        EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED);
            }
            return ids.size();
        });
        Integer invalid = transactions.execute(tx -> {
            List<String> ids = repository.queuedBefore(now.minus(properties.validity()), now, BATCH);
            for (String id : ids) {
                transitions.change(id, Lifecycle.Trigger.VALIDITY_EXPIRED, (m, at) -> Transitions.withState(m,
                        MessageStatus.FAILED, m.segments(), "VALIDITY_EXPIRED",
                        "not accepted by the carrier within " + properties.validity(), null, null, at),
                        EventType.MESSAGE_FAILED, EventType.MESSAGE_FINALIZED);
            }
            return ids.size();
        });
        return (expired == null ? 0 : expired) + (invalid == null ? 0 : invalid);
    }
}
