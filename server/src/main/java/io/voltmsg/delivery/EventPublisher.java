package io.voltmsg.delivery;

import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import io.voltmsg.signing.BodySignature;
import io.voltmsg.signing.SigningService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event and one delivery per endpoint, in the caller's transaction: the event
 * exists exactly when the change that caused it was committed. The RSA signature is made
 * here, once per event, and reused by every delivery.
 */
@Service
public class EventPublisher {

    private final DeliveryRepository repository;
    private final Endpoints endpoints;
    private final SigningService signing;
    /** Absent in a CLI command's context, which never dispatches (the server's dispatcher polls for its work). */
    private final org.springframework.beans.factory.ObjectProvider<Dispatcher> dispatcher;
    private final Clock clock;

    EventPublisher(DeliveryRepository repository, Endpoints endpoints, SigningService signing,
                   org.springframework.beans.factory.ObjectProvider<Dispatcher> dispatcher, Clock clock) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.signing = signing;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Returns the new event's id. {@code messageId} may be null for events not about a message. */
    @Transactional
    public String publish(String organizationId, EventType type, String messageId, Map<String, ?> payload) {
        return publish(organizationId, messageId, payload, List.of(type)).get(0);
    }

    /**
     * Records one event per type, in this order, with the same payload (a message that is
     * delivered is also finalized); the organization's endpoints are read once. Returns the
     * new events' ids.
     */
    @Transactional
    public List<String> publish(String organizationId, String messageId, Map<String, ?> payload, List<EventType> types) {
        List<Receiver> receivers = endpoints.receiversOf(organizationId);
        List<String> eventIds = new ArrayList<>(types.size());
        for (EventType type : types) {
            eventIds.add(write(organizationId, type, messageId, payload, receivers).eventId());
        }
        return eventIds;
    }

    /** The new event and its deliveries, in the order of the receivers. */
    record Published(String eventId, List<String> deliveryIds) {
    }

    /**
     * Records an event for the given receivers (in the caller's transaction): a delivery per
     * endpoint, {@code PENDING}, or {@code SKIPPED} when the endpoint is disabled.
     */
    Published write(String organizationId, EventType type, String messageId, Map<String, ?> payload,
                    List<Receiver> receivers) {
        Instant now = Times.now(clock);
        String eventId = Ids.newId("evt", now);
        long sequence = repository.nextSequence();
        byte[] body;
        try {
            body = EventBodies.write(eventId, type, now, sequence, organizationId, payload);
        } catch (EventBodies.EventTooLargeException e) {
            throw ApiException.badInput("body", e.getMessage());
        }
        BodySignature signature = signing.signBody(body);
        repository.insertEvent(eventId, organizationId, type, messageId, sequence, now, body, signature);
        List<String> deliveryIds = new ArrayList<>(receivers.size());
        for (Receiver receiver : receivers) {
            String deliveryId = Ids.newId("dlv", now);
            repository.insertDelivery(deliveryId, eventId, receiver.endpointId(),
                    receiver.enabled() ? DeliveryRepository.PENDING : DeliveryRepository.SKIPPED, now, messageId, sequence);
            deliveryIds.add(deliveryId);
        }
        wakeDispatcherAfterCommit();
        return new Published(eventId, deliveryIds);
    }

    void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.ifAvailable(Dispatcher::wakeUp);
                }
            });
        } else {
            dispatcher.ifAvailable(Dispatcher::wakeUp);
        }
    }
}
