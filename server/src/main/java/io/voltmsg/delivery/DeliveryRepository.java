package io.voltmsg.delivery;

import io.voltmsg.shared.MultiRowInsert;
import io.voltmsg.shared.RowClaims;
import io.voltmsg.shared.Times;
import io.voltmsg.signing.BodySignature;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String SKIPPED = "SKIPPED";
    static final String CANCELLED = "CANCELLED";
    /** The request headers kept per attempt (they are about 1 KiB with two secrets during a rotation). */
    static final int MAX_HEADERS = 8000;

    static final String VIEW_COLUMNS = """
            d.id, d.endpoint_id, d.event_id, e.type, e.message_id, d.status, d.attempts, d.next_attempt_at,
            d.created_at, d.updated_at, e.organization_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RowClaims claims;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate template, RowClaims claims) {
        this.jdbc = jdbc;
        this.template = template;
        this.claims = claims;
    }

    private static final List<String> EVENT_COLUMNS = List.of("id", "organization_id", "type", "message_id",
            "sequence_number", "created_at", "body", "rsa_key_id", "rsa_signature");
    private static final List<String> DELIVERY_COLUMNS = List.of("id", "event_id", "endpoint_id", "status", "attempts",
            "next_attempt_at", "created_at", "updated_at", "message_id", "sequence_number");

    long nextSequence() {
        return nextSequences(1).get(0);
    }

    /** {@code count} new event sequence numbers, ascending, drawn with one statement. */
    List<Long> nextSequences(int count) {
        List<Long> drawn = new ArrayList<>(jdbc.sql("""
                        with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
                        select nextval('event_sequence') from n""")
                .param(count).query(Long.class).list());
        drawn.sort(null);
        return drawn;
    }

    static Object[] eventRow(String id, String organizationId, EventType type, String messageId, long sequence,
                             Instant createdAt, byte[] body, BodySignature signature) {
        return new Object[] {id, organizationId, type.wireName(), messageId, sequence, Times.sql(createdAt), body,
                signature.keyId(), signature.base64()};
    }

    static Object[] deliveryRow(String id, String eventId, String endpointId, String status, Instant now,
                                String messageId, Long sequence) {
        return new Object[] {id, eventId, endpointId, status, 0, Times.sql(now), Times.sql(now), Times.sql(now),
                messageId, sequence};
    }

    /** Inserts events, rows of {@link #eventRow}, with one statement per couple of hundred. */
    void insertEvents(List<Object[]> rows) {
        MultiRowInsert.insert(template, "events", EVENT_COLUMNS, rows);
    }

    /** Inserts deliveries, rows of {@link #deliveryRow}, with one statement per couple of hundred. */
    void insertDeliveries(List<Object[]> rows) {
        MultiRowInsert.insert(template, "deliveries", DELIVERY_COLUMNS, rows);
    }

    void insertEvent(String id, String organizationId, EventType type, String messageId, long sequence,
                     Instant createdAt, byte[] body, BodySignature signature) {
        insertEvents(List.<Object[]>of(eventRow(id, organizationId, type, messageId, sequence, createdAt, body,
                signature)));
    }

    void insertDelivery(String id, String eventId, String endpointId, String status, Instant now, String messageId,
                        Long sequence) {
        insertDeliveries(List.<Object[]>of(deliveryRow(id, eventId, endpointId, status, now, messageId, sequence)));
    }

    /**
     * Reserves due deliveries for this instance. Rows locked by another instance's claim are
     * skipped, and a lease that ran out (its instance died) makes a row claimable again. A
     * delivery waits while an earlier event of the same message to the same endpoint is still
     * pending. Endpoints in {@code excludedEndpoints} (saturated here) are left to others.
     */
    List<String> claimDue(Instant now, Instant leaseUntil, int limit, Collection<String> excludedEndpoints) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", Times.sql(now));
        String exclusion = "";
        if (!excludedEndpoints.isEmpty()) {
            exclusion = " and d.endpoint_id not in (:excluded)";
            params.put("excluded", excludedEndpoints);
        }
        // Ordered by status too (always PENDING here) so that H2 reads deliveries_due in index order.
        List<String> ids = claims.lock(jdbc, """
                        select d.id from deliveries d
                        where d.status = 'PENDING' and d.next_attempt_at <= :now
                          and (d.lease_until is null or d.lease_until < :now)
                          and (d.message_id is null or not exists (
                                select 1 from deliveries p
                                where p.message_id = d.message_id and p.endpoint_id = d.endpoint_id
                                  and p.status = 'PENDING' and p.sequence_number < d.sequence_number))"""
                        + exclusion, "d", "d.status, d.next_attempt_at", params, limit);
        if (!ids.isEmpty()) {
            jdbc.sql("update deliveries set lease_until = :lease where id in (:ids)")
                    .param("lease", Times.sql(leaseUntil))
                    .param("ids", ids)
                    .update();
        }
        return ids;
    }

    List<PendingDelivery> load(List<String> ids) {
        return jdbc.sql("""
                        select d.id, d.event_id, d.endpoint_id, d.attempts, e.body, e.rsa_key_id, e.rsa_signature,
                               e.created_at
                        from deliveries d join events e on e.id = d.event_id
                        where d.id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new PendingDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBytes(5), new BodySignature(rs.getString(6), rs.getString(7)),
                        Times.fromSql(rs.getObject(8))))
                .list();
    }

    /** What one finished attempt (or a decision without an attempt) changes. */
    record Outcome(String deliveryId, String endpointId, String status, int attempts, Instant nextAttemptAt,
                   String attemptId, Instant attemptedAt, SendOutcome attempt) {
    }

    /**
     * Writes a batch of outcomes: the attempts with one multi-row insert, then the deliveries with one update per
     * distinct (status, attempts, next attempt), which under load is one for all the successes of a first attempt.
     * Only a still-pending delivery changes (one cancelled meanwhile stays cancelled). A delivery no longer
     * {@code PENDING} keeps {@code now} as its next attempt time, which is read only while pending.
     */
    void write(List<Outcome> outcomes, Instant now) {
        List<Object[]> attempts = new ArrayList<>();
        Map<List<Object>, List<String>> updates = new java.util.LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.attempt() != null) {
                SendOutcome a = o.attempt();
                attempts.add(new Object[] {o.attemptId(), o.deliveryId(), Times.sql(o.attemptedAt()),
                        (int) Math.min(Integer.MAX_VALUE, a.durationMillis()), a.statusCode(),
                        truncate(a.responseBody(), BoundedResponseConsumer.KEPT_BYTES), truncate(a.failure(), 200),
                        truncate(a.requestHeaders(), MAX_HEADERS)});
            }
            Instant next = PENDING.equals(o.status()) ? o.nextAttemptAt() : now;
            updates.computeIfAbsent(java.util.Arrays.asList(o.status(), o.attempts(), next), k -> new ArrayList<>())
                    .add(o.deliveryId());
        }
        MultiRowInsert.insert(template, "delivery_attempts", List.of(ATTEMPT_COLUMNS.split(", ")), attempts);
        updates.forEach((change, ids) -> jdbc.sql("""
                        update deliveries set status = :status, attempts = :attempts, next_attempt_at = :next,
                                              lease_until = null, updated_at = :now
                        where id in (:ids) and status = 'PENDING'""")
                .param("status", change.get(0))
                .param("attempts", change.get(1))
                .param("next", Times.sql((Instant) change.get(2)))
                .param("now", Times.sql(now))
                .param("ids", ids)
                .update());
    }

    /** Gives claimed but unsent deliveries back so another instance need not wait out the lease. */
    void releaseLeases(Collection<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update deliveries set lease_until = null where id in (:ids) and status = 'PENDING'")
                    .param("ids", ids).update();
        }
    }

    int cancelPending(String endpointId, Instant now) {
        return jdbc.sql("""
                        update deliveries set status = 'CANCELLED', lease_until = null, updated_at = ?
                        where endpoint_id = ? and status = 'PENDING'""")
                .params(Times.sql(now), endpointId).update();
    }

    /** Makes an endpoint's waiting deliveries due now (after it was enabled again). */
    int resume(String endpointId, Instant now) {
        return jdbc.sql("""
                        update deliveries set next_attempt_at = ?, updated_at = ?
                        where endpoint_id = ? and status = 'PENDING' and next_attempt_at > ?""")
                .params(Times.sql(now), Times.sql(now), endpointId, Times.sql(now)).update();
    }

    /** Queues again the endpoint's FAILED and SKIPPED deliveries created since a time, as new. */
    int recover(String endpointId, Instant since, Instant now) {
        return jdbc.sql("""
                        update deliveries set status = 'PENDING', attempts = 0, next_attempt_at = ?, lease_until = null,
                                              updated_at = ?
                        where endpoint_id = ? and status in ('FAILED', 'SKIPPED') and created_at >= ?""")
                .params(Times.sql(now), Times.sql(now), endpointId, Times.sql(since)).update();
    }

    // ---- endpoint health

    void ensureHealthRow(String endpointId) {
        jdbc.sql("insert into endpoint_health (endpoint_id) values (?) on conflict do nothing").param(endpointId).update();
    }

    /** Records a failure and returns since when the endpoint has been failing. */
    Instant markFailing(String endpointId, Instant at) {
        jdbc.sql("""
                        update endpoint_health set failing_since = coalesce(failing_since, ?), last_failure_at = ?
                        where endpoint_id = ?""")
                .params(Times.sql(at), Times.sql(at), endpointId).update();
        return jdbc.sql("select failing_since from endpoint_health where endpoint_id = ?").param(endpointId)
                .query((rs, n) -> Times.fromSql(rs.getObject(1))).optional().orElse(at);
    }

    void markHealthy(String endpointId, Instant at) {
        jdbc.sql("update endpoint_health set failing_since = null, last_success_at = ? where endpoint_id = ?")
                .params(Times.sql(at), endpointId).update();
    }

    void resetHealth(String endpointId) {
        jdbc.sql("update endpoint_health set failing_since = null where endpoint_id = ?").param(endpointId).update();
    }

    // ---- reading for the API

    List<DeliveryView> page(String endpointId, String status, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + VIEW_COLUMNS
                + " from deliveries d join events e on e.id = d.event_id where d.endpoint_id = :endpoint");
        if (status != null) {
            sql.append(" and d.status = :status");
        }
        if (afterId != null) {
            sql.append(" and d.id < :after");
        }
        sql.append(" order by d.id desc limit :limit");
        var statement = jdbc.sql(sql.toString()).param("endpoint", endpointId).param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status);
        }
        if (afterId != null) {
            statement = statement.param("after", afterId);
        }
        return statement.query(DeliveryRepository::mapView).list();
    }

    Optional<DeliveryView> findDelivery(String id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from deliveries d join events e on e.id = d.event_id where d.id = ?")
                .param(id).query(DeliveryRepository::mapView).optional();
    }

    Optional<DeliveryView> findPending(String eventId, String endpointId) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from deliveries d join events e on e.id = d.event_id"
                        + " where d.event_id = ? and d.endpoint_id = ? and d.status = 'PENDING'")
                .params(eventId, endpointId).query(DeliveryRepository::mapView).list().stream().findFirst();
    }

    /** The event's organization, message id and sequence, if it exists. */
    Optional<Map<String, Object>> findEvent(String eventId) {
        return jdbc.sql("select organization_id, message_id, sequence_number from events where id = ?")
                .param(eventId).query().listOfRows().stream().findFirst();
    }

    static final String ATTEMPT_COLUMNS =
            "id, delivery_id, attempted_at, duration_ms, status_code, response_body, error, request_headers";

    List<DeliveryAttemptView> attempts(String deliveryId) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from delivery_attempts where delivery_id = ? order by attempted_at, id")
                .param(deliveryId).query(DeliveryRepository::mapAttempt).list();
    }

    static DeliveryAttemptView mapAttempt(ResultSet rs, int row) throws SQLException {
        return new DeliveryAttemptView(rs.getString(1), rs.getString(2), Times.fromSql(rs.getObject(3)), rs.getInt(4),
                (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    /** How many deliveries are pending and when the oldest of them was created. */
    record PendingStats(long count, Instant oldestCreatedAt) {
    }

    PendingStats pendingStats() {
        return jdbc.sql("select count(*), min(created_at) from deliveries where status = 'PENDING'")
                .query((rs, n) -> new PendingStats(rs.getLong(1), Times.fromSql(rs.getObject(2)))).single();
    }

    // ---- retention

    /** Deletes up to {@code limit} finished deliveries (with their attempts) created before the cutoff. */
    int purgeDeliveries(Instant cutoff, int limit) {
        List<String> ids = jdbc.sql("""
                        select id from deliveries where created_at < ? and status <> 'PENDING'
                        order by created_at limit ?""")
                .params(Times.sql(cutoff), limit).query(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("delete from delivery_attempts where delivery_id in (:ids)").param("ids", ids).update();
        return jdbc.sql("delete from deliveries where id in (:ids)").param("ids", ids).update();
    }

    /** Deletes up to {@code limit} events created before the cutoff that no delivery refers to any more. */
    int purgeEvents(Instant cutoff, int limit) {
        List<String> ids = jdbc.sql("""
                        select e.id from events e where e.created_at < ?
                          and not exists (select 1 from deliveries d where d.event_id = e.id)
                        order by e.created_at limit ?""")
                .params(Times.sql(cutoff), limit).query(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from events where id in (:ids)").param("ids", ids).update();
    }

    static DeliveryView mapView(ResultSet rs, int row) throws SQLException {
        String status = rs.getString(6);
        return new DeliveryView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                status, rs.getInt(7), PENDING.equals(status) ? Times.fromSql(rs.getObject(8)) : null,
                Times.fromSql(rs.getObject(9)), Times.fromSql(rs.getObject(10)), rs.getString(11));
    }

    private static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max);
    }
}
