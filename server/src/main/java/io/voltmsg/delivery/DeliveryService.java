package io.voltmsg.delivery;

import io.voltmsg.audit.AuditLog;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users and the webhook registry do with deliveries: list them and their attempts, send a
 * test event, re-send, recover, and react to an endpoint being enabled, disabled or deleted.
 */
@Service
public class DeliveryService {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    static final Set<String> STATUSES = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of("PENDING", "DELIVERED", "FAILED", "SKIPPED",
            "CANCELLED")));

    /** One page of deliveries, newest first. */
    public record DeliveryPage(List<DeliveryView> deliveries, boolean hasNextPage) {
    }

    private final DeliveryRepository repository;
    private final Endpoints endpoints;
    private final EndpointCache cache;
    private final EndpointHealth health;
    private final EventPublisher publisher;
    private final AuditLog audit;
    private final Clock clock;

    DeliveryService(DeliveryRepository repository, Endpoints endpoints, EndpointCache cache, EndpointHealth health,
                    EventPublisher publisher, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.cache = cache;
        this.health = health;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The endpoint's deliveries, newest first; {@code after} is the cursor of the last one seen. */
    public DeliveryPage deliveries(String organizationId, String webhookId, String status, Integer first, String after) {
        requireEndpoint(organizationId, webhookId);
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badInput("first", "first must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badInput("status", "status must be one of " + String.join(", ", STATUSES));
        }
        if (after != null && (!after.startsWith("dlv_") || after.length() > 64)) {
            throw ApiException.badInput("after", "after must be a cursor from a previous page");
        }
        List<DeliveryView> rows = repository.page(webhookId, status, after, size + 1);
        boolean more = rows.size() > size;
        return new DeliveryPage(more ? rows.subList(0, size) : rows, more);
    }

    /** Every attempt of the delivery, oldest first. */
    public List<DeliveryAttemptView> attempts(String organizationId, String deliveryId) {
        DeliveryView delivery = requireDelivery(organizationId, deliveryId);
        return repository.attempts(delivery.id());
    }

    /** A fresh signed {@code webhook.test} event for this endpoint only, through the normal delivery path. */
    @Transactional
    public DeliveryView sendTestEvent(String organizationId, String webhookId) {
        // From the dispatcher's cache: a test event is sent with what the dispatcher knows of the endpoint anyway.
        Endpoint endpoint = requireCachedEndpoint(organizationId, webhookId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("url", endpoint.url().toString());
        EventPublisher.Published published = publisher.write(organizationId, EventType.WEBHOOK_TEST, null, payload,
                List.of(new Receiver(endpoint.id(), endpoint.enabled())));
        audit.record(organizationId, "webhook.test_sent", webhookId, published.eventId());
        return repository.findDelivery(published.deliveryIds().get(0)).orElseThrow();
    }

    /**
     * Sends a past event to the endpoint again as a new delivery (the same event id, so
     * receivers can tell it is the same event). If one is already pending, that one is returned.
     */
    @Transactional
    public DeliveryView resendEvent(String organizationId, String eventId, String webhookId) {
        Endpoint endpoint = requireEndpoint(organizationId, webhookId);
        Map<String, Object> event = eventId == null || eventId.length() > 64 ? null
                : repository.findEvent(eventId).orElse(null);
        if (event == null || !organizationId.equals(event.get("organization_id"))) {
            throw ApiException.notFound("event");
        }
        Optional<DeliveryView> pending = repository.findPending(eventId, endpoint.id());
        if (pending.isPresent()) {
            return pending.get();
        }
        Instant now = Times.now(clock);
        String deliveryId = Ids.newId("dlv", now);
        Object sequence = event.get("sequence_number");
        repository.insertDelivery(deliveryId, eventId, endpoint.id(), DeliveryRepository.PENDING, now,
                (String) event.get("message_id"), sequence == null ? null : ((Number) sequence).longValue());
        audit.record(organizationId, "delivery.resent", webhookId, "event " + eventId + " as " + deliveryId);
        publisher.wakeDispatcherAfterCommit();
        return repository.findDelivery(deliveryId).orElseThrow();
    }

    /** Queues again every FAILED or SKIPPED delivery of the endpoint created since {@code since}; returns how many. */
    @Transactional
    public int recover(String organizationId, String webhookId, Instant since) {
        Endpoint endpoint = requireEndpoint(organizationId, webhookId);
        if (since == null) {
            throw ApiException.badInput("since", "since is required");
        }
        int queued = repository.recover(endpoint.id(), since, Times.now(clock));
        audit.record(organizationId, "webhook.recovery_started", webhookId, queued + (queued == 1 ? " delivery" : " deliveries")
                + " since " + Times.iso(since) + " queued again");
        publisher.wakeDispatcherAfterCommit();
        return queued;
    }

    /** The endpoint was deleted: its pending deliveries are cancelled (their history stays). */
    @Transactional
    public int endpointDeleted(String endpointId) {
        cache.invalidate(endpointId);
        return repository.cancelPending(endpointId, Times.now(clock));
    }

    /** The endpoint was enabled by hand: its failures are forgiven and its waiting deliveries are due now. */
    @Transactional
    public int endpointEnabled(String endpointId) {
        cache.invalidate(endpointId);
        health.reset(endpointId);
        int resumed = repository.resume(endpointId, Times.now(clock));
        publisher.wakeDispatcherAfterCommit();
        return resumed;
    }

    /** The endpoint changed (URL, disabled, secret): this instance stops using what it remembered. */
    public void endpointChanged(String endpointId) {
        cache.invalidate(endpointId);
    }

    Endpoint requireEndpoint(String organizationId, String webhookId) {
        return requireEndpoint(organizationId, webhookId, endpoints::find);
    }

    private Endpoint requireCachedEndpoint(String organizationId, String webhookId) {
        return requireEndpoint(organizationId, webhookId, id -> Optional.ofNullable(cache.get(List.of(id)).get(id)));
    }

    private static Endpoint requireEndpoint(String organizationId, String webhookId,
                                            Function<String, Optional<Endpoint>> lookup) {
        if (webhookId == null || webhookId.length() > 64) {
            throw ApiException.notFound("webhook");
        }
        return lookup.apply(webhookId).filter(e -> e.organizationId().equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("webhook"));
    }

    DeliveryView requireDelivery(String organizationId, String deliveryId) {
        if (deliveryId == null || deliveryId.length() > 64) {
            throw ApiException.notFound("delivery");
        }
        return repository.findDelivery(deliveryId).filter(d -> d.organizationId().equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("delivery"));
    }
}
