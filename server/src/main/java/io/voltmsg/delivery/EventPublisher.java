package io.voltmsg.delivery;

import io.voltmsg.shared.AfterCommit;
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
     * Records one event per type, in this order, with the same payload (a message that is delivered is also
     * finalized); the organization's endpoints are read once. Returns the new events' ids.
     *
     * <p>The events are written just before the caller's transaction commits, all events of the transaction
     * together: their sequence numbers are drawn then, while the transaction holds every lock it took, so an event
     * about a message always gets a higher number than one committed before it about the same message (the
     * dispatcher's per-message order), also across instances.
     */
    @Transactional
    public List<String> publish(String organizationId, String messageId, Map<String, ?> payload, List<EventType> types) {
        List<Receiver> receivers = endpoints.receiversOf(organizationId);
        Instant now = Times.now(clock);
        List<String> eventIds = new ArrayList<>(types.size());
        List<NewEvent> made = new ArrayList<>(types.size());
        for (EventType type : types) {
            NewEvent event = NewEvent.of(organizationId, type, messageId, payload, receivers, now);
            made.add(event);
            eventIds.add(event.id());
        }
        PendingEvents.add(this, made);
        return eventIds;
    }

    /** The new event and its deliveries, in the order of the receivers. */
    record Published(String eventId, List<String> deliveryIds) {
    }

    /**
     * Records an event for the given receivers now (in the caller's transaction, which may read it back): a delivery
     * per endpoint, {@code PENDING}, or {@code SKIPPED} when the endpoint is disabled.
     */
    Published write(String organizationId, EventType type, String messageId, Map<String, ?> payload,
                    List<Receiver> receivers) {
        NewEvent event = NewEvent.of(organizationId, type, messageId, payload, receivers, Times.now(clock));
        store(List.of(event));
        wakeDispatcherAfterCommit();
        return new Published(event.id(), event.deliveryIds());
    }

    /** An event to write: its ids are known at once, its sequence number when it is written. */
    record NewEvent(String id, String organizationId, EventType type, String messageId, Map<String, ?> payload,
                    List<Receiver> receivers, List<String> deliveryIds, Instant createdAt) {

        static NewEvent of(String organizationId, EventType type, String messageId, Map<String, ?> payload,
                           List<Receiver> receivers, Instant now) {
            List<String> deliveryIds = new ArrayList<>(receivers.size());
            for (int i = 0; i < receivers.size(); i++) {
                deliveryIds.add(Ids.newId("dlv", now));
            }
            return new NewEvent(Ids.newId("evt", now), organizationId, type, messageId, payload, receivers,
                    deliveryIds, now);
        }
    }

    /**
     * Writes events with their deliveries: one statement draws all their sequence numbers, one inserts the events
     * and one the deliveries. Each body is signed here, once per event.
     */
    void store(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Long> sequences = repository.nextSequences(events.size());
        List<Object[]> eventRows = new ArrayList<>(events.size());
        List<Object[]> deliveryRows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            long sequence = sequences.get(i);
            byte[] body;
            try {
                body = EventBodies.write(event.id(), event.type(), event.createdAt(), sequence, event.organizationId(),
                        event.payload());
            } catch (EventBodies.EventTooLargeException e) {
                throw ApiException.badInput("body", e.getMessage());
            }
            BodySignature signature = signing.signBody(body);
            eventRows.add(DeliveryRepository.eventRow(event.id(), event.organizationId(), event.type(),
                    event.messageId(), sequence, event.createdAt(), body, signature));
            for (int r = 0; r < event.receivers().size(); r++) {
                Receiver receiver = event.receivers().get(r);
                deliveryRows.add(DeliveryRepository.deliveryRow(event.deliveryIds().get(r), event.id(),
                        receiver.endpointId(),
                        receiver.enabled() ? DeliveryRepository.PENDING : DeliveryRepository.SKIPPED,
                        event.createdAt(), event.messageId(), sequence));
            }
        }
        repository.insertEvents(eventRows);
        repository.insertDeliveries(deliveryRows);
    }

    void wakeDispatcher() {
        dispatcher.ifAvailable(Dispatcher::wakeUp);
    }

    void wakeDispatcherAfterCommit() {
        AfterCommit.run(this::wakeDispatcher);
    }
}
