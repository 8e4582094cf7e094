package io.voltmsg.delivery;

import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the portal shows of deliveries: searches with filters, the exact body and headers of each
 * attempt, how many a recovery would queue, a webhook's last 24 hours and health, and every
 * delivery about one message. Every read checks the organization first.
 */
@Service
public class DeliveryHistory {

    public static final Set<String> STATUSES = DeliveryService.STATUSES;

    /** The deliveries of one message, each with its attempts. */
    public record MessageDelivery(DeliveryView delivery, List<DeliveryAttemptView> attempts) {
    }

    private final DeliveryHistoryRepository repository;
    private final DeliveryService deliveries;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryHistory(DeliveryHistoryRepository repository, DeliveryService deliveries, DeliveryProperties properties,
                    Clock clock) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /** The wire names of event types ({@code message.received}, ...), for filters. */
    public static List<String> eventTypes() {
        return Arrays.stream(EventType.values()).map(EventType::wireName).toList();
    }

    /** The webhook's deliveries matching {@code filter}, newest first; {@code after} is the previous page's last id. */
    public DeliveryService.DeliveryPage search(String organizationId, String webhookId, DeliveryFilter filter,
                                               int first, String after) {
        deliveries.requireEndpoint(organizationId, webhookId);
        if (first < 1 || first > DeliveryService.MAX_PAGE_SIZE) {
            throw ApiException.badInput("first", "first must be between 1 and " + DeliveryService.MAX_PAGE_SIZE);
        }
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            throw ApiException.badInput("status", "status must be one of " + String.join(", ", STATUSES));
        }
        if (filter.eventType() != null && !eventTypes().contains(filter.eventType())) {
            throw ApiException.badInput("type", "event type must be one of " + String.join(", ", eventTypes()));
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ApiException.badInput("to", "the end of the range must be after its start");
        }
        if (after != null && !after.matches("dlv_[0-9A-Z]{26}")) {
            throw ApiException.badInput("after", "after must be a cursor from a previous page");
        }
        List<DeliveryView> rows = repository.search(webhookId, filter, after, first + 1);
        boolean more = rows.size() > first;
        return new DeliveryService.DeliveryPage(more ? rows.subList(0, first) : rows, more);
    }

    /** The delivery with its event's exact body and every attempt (oldest first) with the headers sent. */
    public DeliveryDetail detail(String organizationId, String webhookId, String deliveryId) {
        DeliveryView delivery = deliveries.requireDelivery(organizationId, deliveryId);
        if (!delivery.webhookId().equals(webhookId)) {
            throw ApiException.notFound("delivery");
        }
        byte[] body = repository.eventBody(delivery.eventId()).orElse(new byte[0]);
        return new DeliveryDetail(delivery, body, repository.attemptsOf(List.of(delivery.id())));
    }

    /** How many deliveries {@code recoverWebhook(since)} would queue again now (FAILED and SKIPPED since then). */
    public int countRecoverable(String organizationId, String webhookId, Instant since) {
        deliveries.requireEndpoint(organizationId, webhookId);
        if (since == null) {
            throw ApiException.badInput("since", "since is required");
        }
        return repository.countRecoverable(webhookId, since);
    }

    /** The webhook's last 24 hours, hour by hour. */
    public EndpointStats stats(String organizationId, String webhookId) {
        deliveries.requireEndpoint(organizationId, webhookId);
        Instant now = Times.now(clock);
        long currentHour = Math.floorDiv(now.getEpochSecond(), 3600);
        long firstHour = currentHour - 23;
        return summarize(firstHour, repository.hourly(webhookId, Instant.ofEpochSecond(firstHour * 3600)),
                repository.lastAttempt(webhookId).orElse(null));
    }

    /** Folds counts per (hour, status, tried) into 24 hours by outcome. Pure. */
    static EndpointStats summarize(long firstHour, List<DeliveryHistoryRepository.HourCount> counts,
                                   DeliveryAttemptView lastAttempt) {
        long[][] byHour = new long[24][5]; // delivered, failed, retrying, waiting, skipped
        for (DeliveryHistoryRepository.HourCount c : counts) {
            int slot = (int) (c.hour() - firstHour);
            if (slot < 0 || slot >= 24) {
                continue;
            }
            int outcome = switch (c.status()) {
                case DeliveryRepository.DELIVERED -> 0;
                case DeliveryRepository.FAILED -> 1;
                case DeliveryRepository.PENDING -> c.tried() ? 2 : 3;
                default -> 4; // SKIPPED, CANCELLED
            };
            byHour[slot][outcome] += c.count();
        }
        List<EndpointStats.Hour> hours = new ArrayList<>(24);
        long[] totals = new long[5];
        for (int i = 0; i < 24; i++) {
            long[] h = byHour[i];
            hours.add(new EndpointStats.Hour(Instant.ofEpochSecond((firstHour + i) * 3600), h[0], h[1], h[2], h[3], h[4]));
            for (int k = 0; k < 5; k++) {
                totals[k] += h[k];
            }
        }
        long decided = totals[0] + totals[1] + totals[2];
        Double rate = decided == 0 ? null : (double) totals[0] / decided;
        return new EndpointStats(hours, totals[0], totals[1], totals[2], totals[3], totals[4], rate, lastAttempt);
    }

    /** The webhook's health by the delivery engine's rules: when it would be disabled, and why. */
    public EndpointHealthView health(String organizationId, String webhookId) {
        deliveries.requireEndpoint(organizationId, webhookId);
        Instant[] row = repository.health(webhookId).orElse(new Instant[3]);
        String lastError = row[0] == null ? null
                : repository.lastAttempt(webhookId).map(DeliveryAttemptView::reason).orElse(null);
        return new EndpointHealthView(row[0], row[1], row[2], EndpointHealth.disableAt(row[0], properties.disableAfter()),
                EndpointHealth.human(properties.disableAfter()), lastError);
    }

    /** Every delivery of the organization's events about one message, with their attempts, in event order. */
    public List<MessageDelivery> ofMessage(String organizationId, String messageId) {
        if (messageId == null || messageId.length() > 64) {
            return List.of();
        }
        List<DeliveryView> views = repository.ofMessage(organizationId, messageId);
        Map<String, List<DeliveryAttemptView>> attempts = repository.attemptsOf(
                        views.stream().map(DeliveryView::id).toList()).stream()
                .collect(Collectors.groupingBy(DeliveryAttemptView::deliveryId, LinkedHashMap::new, Collectors.toList()));
        return views.stream().map(v -> new MessageDelivery(v, attempts.getOrDefault(v.id(), List.of()))).toList();
    }

    /** The retry schedule, for pages that explain it. */
    public List<Duration> retrySchedule() {
        return properties.retrySchedule();
    }
}
