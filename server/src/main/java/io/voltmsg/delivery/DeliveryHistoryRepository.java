package io.voltmsg.delivery;

import io.voltmsg.shared.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads behind the portal's delivery pages: searches, counts, statistics, per-message history. */
@Repository
class DeliveryHistoryRepository {

    /** Counts per hour bucket (seconds since the epoch ÷ 3600), status and whether it was tried. */
    record HourCount(long hour, String status, boolean tried, long count) {
    }

    private final JdbcClient jdbc;

    DeliveryHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An endpoint's deliveries matching the filter, newest first. */
    List<DeliveryView> search(String endpointId, DeliveryFilter f, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + DeliveryRepository.VIEW_COLUMNS
                + " from deliveries d join events e on e.id = d.event_id where d.endpoint_id = :endpoint");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("endpoint", endpointId);
        params.put("limit", limit);
        condition(sql, params, f.status(), " and d.status = :status", "status");
        condition(sql, params, f.eventType(), " and e.type = :type", "type");
        condition(sql, params, f.eventId(), " and d.event_id = :event", "event");
        condition(sql, params, f.messageId(), " and d.message_id = :message", "message");
        condition(sql, params, Times.sql(f.from()), " and d.created_at >= :from", "from");
        condition(sql, params, Times.sql(f.to()), " and d.created_at < :to", "to");
        condition(sql, params, afterId, " and d.id < :after", "after");
        if (f.messageIds() != null) {
            if (f.messageIds().isEmpty()) {
                return List.of();
            }
            condition(sql, params, f.messageIds(), " and d.message_id in (:messages)", "messages");
        }
        sql.append(" order by d.id desc limit :limit");
        return jdbc.sql(sql.toString()).params(params).query(DeliveryRepository::mapView).list();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, Object value, String clause,
                                  String name) {
        if (value != null) {
            sql.append(clause);
            params.put(name, value);
        }
    }

    /** How many of the endpoint's deliveries {@code recover} would queue again. */
    int countRecoverable(String endpointId, Instant since) {
        return jdbc.sql("""
                        select count(*) from deliveries
                        where endpoint_id = ? and status in ('FAILED', 'SKIPPED') and created_at >= ?""")
                .params(endpointId, Times.sql(since)).query(Integer.class).single();
    }

    List<HourCount> hourly(String endpointId, Instant since) {
        String hour = "floor(extract(epoch from created_at) / 3600)";
        String tried = "case when attempts > 0 then 1 else 0 end";
        return jdbc.sql("select " + hour + ", status, " + tried + ", count(*) from deliveries"
                        + " where endpoint_id = ? and created_at >= ? group by " + hour + ", status, " + tried)
                .params(endpointId, Times.sql(since))
                .query((rs, n) -> new HourCount(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1, rs.getLong(4)))
                .list();
    }

    /** The last attempt of the newest delivery of the endpoint that was attempted at all. */
    Optional<DeliveryAttemptView> lastAttempt(String endpointId) {
        Optional<String> delivery = jdbc.sql("""
                        select id from deliveries where endpoint_id = ? and attempts > 0 order by id desc limit 1""")
                .param(endpointId).query(String.class).optional();
        return delivery.flatMap(id -> jdbc.sql("select " + DeliveryRepository.ATTEMPT_COLUMNS
                        + " from delivery_attempts where delivery_id = ? order by attempted_at desc, id desc limit 1")
                .param(id).query(DeliveryRepository::mapAttempt).optional());
    }

    /** failing_since, last_failure_at, last_success_at of the endpoint, if it was ever attempted. */
    Optional<Instant[]> health(String endpointId) {
        return jdbc.sql("select failing_since, last_failure_at, last_success_at from endpoint_health where endpoint_id = ?")
                .param(endpointId)
                .query((rs, n) -> new Instant[] {Times.fromSql(rs.getObject(1)), Times.fromSql(rs.getObject(2)),
                        Times.fromSql(rs.getObject(3))})
                .optional();
    }

    Optional<byte[]> eventBody(String eventId) {
        return jdbc.sql("select body from events where id = ?").param(eventId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** The organization's deliveries about one message, in the order its events happened. */
    List<DeliveryView> ofMessage(String organizationId, String messageId) {
        return jdbc.sql("select " + DeliveryRepository.VIEW_COLUMNS + " from deliveries d join events e on e.id = d.event_id"
                        + " where d.message_id = ? and e.organization_id = ? order by d.sequence_number, d.id")
                .params(messageId, organizationId).query(DeliveryRepository::mapView).list();
    }

    List<DeliveryAttemptView> attemptsOf(Collection<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return new ArrayList<>();
        }
        return jdbc.sql("select " + DeliveryRepository.ATTEMPT_COLUMNS
                        + " from delivery_attempts where delivery_id in (:ids) order by attempted_at, id")
                .param("ids", deliveryIds).query(DeliveryRepository::mapAttempt).list();
    }
}
