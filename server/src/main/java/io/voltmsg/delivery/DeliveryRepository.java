package io.voltmsg.delivery;

import io.voltmsg.shared.Times;
import io.voltmsg.signing.BodySignature;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextSequence() {
        return jdbc.sql("select nextval('event_sequence')").query(Long.class).single();
    }

    void insertEvent(String id, String organizationId, EventType type, String messageId, long sequence,
                     Instant createdAt, byte[] body, BodySignature signature) {
        jdbc.sql("""
                        insert into events (id, organization_id, type, message_id, sequence_number, created_at, body,
                                            rsa_key_id, rsa_signature)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organizationId, type.wireName(), messageId, sequence, Times.sql(createdAt), body,
                        signature.keyId(), signature.base64())
                .update();
    }

    void insertDelivery(String id, String eventId, String endpointId, String status, Instant now) {
        jdbc.sql("""
                        insert into deliveries (id, event_id, endpoint_id, status, attempts, next_attempt_at, created_at,
                                                updated_at)
                        values (?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(id, eventId, endpointId, status, Times.sql(now), Times.sql(now), Times.sql(now))
                .update();
    }

    /**
     * Reserves due deliveries for this instance. Rows locked by another instance's claim are
     * skipped, and a lease that ran out (its instance died) makes a row claimable again.
     */
    List<String> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<String> ids = jdbc.sql("""
                        select id from deliveries
                        where status = 'PENDING' and next_attempt_at <= :now
                          and (lease_until is null or lease_until < :now)
                        order by next_attempt_at
                        limit :limit
                        for update skip locked""")
                .param("now", Times.sql(now))
                .param("limit", limit)
                .query(String.class)
                .list();
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
                        select d.id, d.event_id, d.endpoint_id, d.attempts, e.body, e.rsa_key_id, e.rsa_signature
                        from deliveries d join events e on e.id = d.event_id
                        where d.id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new PendingDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBytes(5), new BodySignature(rs.getString(6), rs.getString(7))))
                .list();
    }

    void insertAttempt(String id, String deliveryId, Instant attemptedAt, SendOutcome outcome) {
        jdbc.sql("""
                        insert into delivery_attempts (id, delivery_id, attempted_at, duration_ms, status_code,
                                                       response_body, error)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, deliveryId, Times.sql(attemptedAt), (int) Math.min(Integer.MAX_VALUE, outcome.durationMillis()),
                        outcome.statusCode(), truncate(outcome.responseBody(), 4096), outcome.failure())
                .update();
    }

    /** Records an attempt's effect; only a still-pending delivery changes (a cancelled one stays cancelled). */
    void finishAttempt(String deliveryId, String status, int attempts, Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                        update deliveries set status = ?, attempts = ?, next_attempt_at = ?, lease_until = null,
                                              updated_at = ?
                        where id = ? and status = 'PENDING'""")
                .params(status, attempts, Times.sql(nextAttemptAt), Times.sql(now), deliveryId)
                .update();
    }

    /** Gives claimed but unsent deliveries back at shutdown so another instance need not wait out the lease. */
    void releaseLeases(List<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update deliveries set lease_until = null where id in (:ids) and status = 'PENDING'")
                    .param("ids", ids).update();
        }
    }

    Map<String, Object> statusOf(String deliveryId) {
        return jdbc.sql("select status, attempts from deliveries where id = ?").param(deliveryId).query().singleRow();
    }

    private static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max);
    }
}
