package io.voltmsg.messaging;

import io.voltmsg.shared.RowClaims;
import io.voltmsg.shared.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for messages, segments and orphan receipts; runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
class MessageRepository {

    private static final String COLUMNS = """
            id, organization_id, direction, from_number, to_number, body, status, segments, error_code, error_message,
            created_at, sent_at, delivered_at, finalized_at""";

    /** Messages the sender may submit now (completed with a status condition). */
    private static final String DUE = """
            select m.id from messages m
            where m.next_attempt_at <= :now and (m.lease_until is null or m.lease_until < :now)""";

    /** A segment the carrier accepted and what its receipts said so far. */
    record Segment(String messageId, int index, String carrierMessageId, String stat) {
    }

    /** A receipt kept until the submit_sm_resp with its carrier id is recorded. */
    record Orphan(String id, String carrierMessageId, String stat, String err, Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final RowClaims claims;

    MessageRepository(JdbcClient jdbc, RowClaims claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    void insert(Message m, String idempotencyKey, Instant nextAttemptAt) {
        jdbc.sql("""
                        insert into messages (id, organization_id, direction, from_number, to_number, body, status, segments,
                                              error_code, error_message, idempotency_key, submit_attempts, next_attempt_at,
                                              created_at, sent_at, delivered_at, finalized_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.organizationId(), m.direction().name(), m.fromNumber(), m.toNumber(), m.body(),
                        m.state().name(), m.segments(), m.errorCode(), m.errorMessage(), idempotencyKey,
                        Times.sql(nextAttemptAt), Times.sql(m.createdAt()), Times.sql(m.sentAt()),
                        Times.sql(m.deliveredAt()), Times.sql(m.finalizedAt()))
                .update();
    }

    Optional<Message> find(String organizationId, String id) {
        return jdbc.sql("select " + COLUMNS + " from messages where id = ? and organization_id = ?")
                .params(id, organizationId).query(MessageRepository::map).optional();
    }

    Optional<Message> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from messages where id = ?").param(id)
                .query(MessageRepository::map).optional();
    }

    /** Reads a message and locks its row until the transaction ends: one writer per message at a time. */
    Optional<Message> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from messages where id = ? for update").param(id)
                .query(MessageRepository::map).optional();
    }

    /**
     * Like {@link #lock}, but only while the claim that set {@code leaseUntil} still holds the message: empty when it
     * was claimed again since (its lease had run out).
     */
    Optional<Message> lockClaimed(String id, Instant leaseUntil) {
        return jdbc.sql("select " + COLUMNS + " from messages where id = ? and lease_until = ? for update")
                .params(id, Times.sql(leaseUntil)).query(MessageRepository::map).optional();
    }

    Optional<Message> findByIdempotencyKey(String organizationId, String key) {
        return jdbc.sql("select " + COLUMNS + " from messages where organization_id = ? and idempotency_key = ?")
                .params(organizationId, key).query(MessageRepository::map).optional();
    }

    /** Frees a key whose window has passed, so it can name a new message. */
    void releaseIdempotencyKey(String organizationId, String key) {
        jdbc.sql("update messages set idempotency_key = null where organization_id = ? and idempotency_key = ?")
                .params(organizationId, key).update();
    }

    /** Newest first; {@code afterId} is the cursor (ids are time-ordered). */
    List<Message> list(String organizationId, String phoneNumber, MessageDirection direction, MessageStatus status,
                       String afterId, int limit) {
        return list(organizationId, phoneNumber, direction, status, null, null, afterId, limit);
    }

    /** As {@link #list}, also created in {@code [from, to)} when given. */
    List<Message> list(String organizationId, String phoneNumber, MessageDirection direction, MessageStatus status,
                       Instant from, Instant to, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from messages where organization_id = :org");
        if (from != null) {
            sql.append(" and created_at >= :from");
        }
        if (to != null) {
            sql.append(" and created_at < :to");
        }
        if (phoneNumber != null) {
            sql.append(" and (from_number = :number or to_number = :number)");
        }
        if (direction != null) {
            sql.append(" and direction = :direction");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (afterId != null) {
            sql.append(" and id < :after");
        }
        sql.append(" order by id desc limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("org", organizationId).param("limit", limit);
        if (from != null) {
            spec = spec.param("from", Times.sql(from));
        }
        if (to != null) {
            spec = spec.param("to", Times.sql(to));
        }
        if (phoneNumber != null) {
            spec = spec.param("number", phoneNumber);
        }
        if (direction != null) {
            spec = spec.param("direction", direction.name());
        }
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (afterId != null) {
            spec = spec.param("after", afterId);
        }
        return spec.query(MessageRepository::map).list();
    }

    /** The ids of the organization's newest messages to or from a number, newest first. */
    List<String> idsInvolving(String organizationId, String phoneNumber, int limit) {
        return jdbc.sql("""
                        select id from messages where organization_id = :org and (from_number = :number or to_number = :number)
                        order by id desc limit :limit""")
                .param("org", organizationId).param("number", phoneNumber).param("limit", limit)
                .query(String.class).list();
    }

    /**
     * Reserves due outbound messages for this instance and marks them sending (queued → sending; a sending one
     * whose lease ran out belonged to an instance that died before recording the carrier's answer).
     */
    List<String> claimDue(Instant now, Instant leaseUntil, int limit) {
        Map<String, Object> params = Map.of("now", Times.sql(now));
        // One status per read, ordered by (status, next_attempt_at), so that H2 follows messages_status_due.
        List<String> ids = new ArrayList<>(claims.lock(jdbc, DUE + " and m.status = 'QUEUED'", "m",
                "m.status, m.next_attempt_at", params, limit));
        if (ids.size() < limit) {
            ids.addAll(claims.lock(jdbc, DUE + " and m.status = 'SENDING'", "m", "m.status, m.next_attempt_at", params,
                    limit - ids.size()));
        }
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            update messages set status = 'SENDING', lease_until = :lease, submit_attempts = submit_attempts + 1
                            where id in (:ids)""")
                    .param("lease", Times.sql(leaseUntil)).param("ids", ids).update();
        }
        return ids;
    }

    List<Message> load(List<String> ids) {
        return jdbc.sql("select " + COLUMNS + " from messages where id in (:ids) order by id").param("ids", ids)
                .query(MessageRepository::map).list();
    }

    /** Writes a message's new state; {@code nextAttemptAt} and the lease only matter while queued or sending. */
    void update(Message m, Instant nextAttemptAt) {
        jdbc.sql("""
                        update messages set status = ?, segments = ?, error_code = ?, error_message = ?, sent_at = ?,
                                            delivered_at = ?, finalized_at = ?, next_attempt_at = ?, lease_until = null
                        where id = ?""")
                .params(m.state().name(), m.segments(), m.errorCode(), m.errorMessage(), Times.sql(m.sentAt()),
                        Times.sql(m.deliveredAt()), Times.sql(m.finalizedAt()), Times.sql(nextAttemptAt), m.id())
                .update();
    }

    /** Outbound messages whose carrier answer is overdue ({@code sent} before {@code cutoff}). */
    List<String> sentBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        select id from messages where status = 'SENT' and sent_at < :cutoff
                        order by sent_at limit :limit for update skip locked""")
                .param("cutoff", Times.sql(cutoff)).param("limit", limit).query(String.class).list();
    }

    /** Queued messages created before {@code cutoff}, i.e. past their validity. */
    List<String> queuedBefore(Instant cutoff, Instant now, int limit) {
        return jdbc.sql("""
                        select id from messages where status in ('QUEUED', 'SENDING') and created_at < :cutoff
                          and (lease_until is null or lease_until < :now)
                        order by created_at limit :limit for update skip locked""")
                .param("cutoff", Times.sql(cutoff)).param("now", Times.sql(now)).param("limit", limit)
                .query(String.class).list();
    }

    // ------------------------------------------------------------------ segments

    void insertSegment(String messageId, int index, String carrierMessageId, Instant now) {
        jdbc.sql("""
                        insert into message_segments (message_id, segment_index, carrier_message_id, updated_at)
                        values (?, ?, ?, ?)""")
                .params(messageId, index, carrierMessageId, Times.sql(now)).update();
    }

    /** The newest segment with this carrier id (ids are unique per carrier; the newest wins if one repeats). */
    Optional<Segment> segmentByCarrierId(String carrierMessageId) {
        return jdbc.sql("""
                        select message_id, segment_index, carrier_message_id, stat from message_segments
                        where carrier_message_id = ? order by updated_at desc limit 1""")
                .param(carrierMessageId)
                .query((rs, n) -> new Segment(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    void updateSegment(String messageId, int index, String stat, String err, Instant now) {
        jdbc.sql("update message_segments set stat = ?, err = ?, updated_at = ? where message_id = ? and segment_index = ?")
                .params(stat, err, Times.sql(now), messageId, index).update();
    }

    int segmentsNotDelivered(String messageId) {
        return jdbc.sql("select count(*) from message_segments where message_id = ? and (stat is null or stat <> 'DELIVRD')")
                .param(messageId).query(Integer.class).single();
    }

    // ------------------------------------------------------------------ orphan receipts

    void insertOrphan(String id, String carrierMessageId, String stat, String err, Instant receivedAt) {
        jdbc.sql("insert into orphan_receipts (id, carrier_message_id, stat, err, received_at) values (?, ?, ?, ?, ?)")
                .params(id, carrierMessageId, stat, err, Times.sql(receivedAt)).update();
    }

    List<Orphan> orphansFor(List<String> carrierMessageIds) {
        if (carrierMessageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, carrier_message_id, stat, err, received_at from orphan_receipts
                        where carrier_message_id in (:ids) order by received_at, id""")
                .param("ids", carrierMessageIds)
                .query((rs, n) -> new Orphan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Times.fromSql(rs.getObject(5))))
                .list();
    }

    /** Carrier ids of kept receipts whose submit has been recorded since: what a crash between two commits leaves. */
    List<String> knownOrphanCarrierIds(int limit) {
        return jdbc.sql("""
                        select distinct o.carrier_message_id from orphan_receipts o
                        join message_segments s on s.carrier_message_id = o.carrier_message_id
                        order by o.carrier_message_id limit ?""")
                .param(limit).query(String.class).list();
    }

    /** Takes an orphan for applying; false when another thread already took it. */
    boolean deleteOrphan(String id) {
        return jdbc.sql("delete from orphan_receipts where id = ?").param(id).update() == 1;
    }

    int deleteOrphansBefore(Instant cutoff) {
        return jdbc.sql("delete from orphan_receipts where received_at < ?").param(Times.sql(cutoff)).update();
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getString("id"), rs.getString("organization_id"),
                MessageDirection.valueOf(rs.getString("direction")), rs.getString("from_number"),
                rs.getString("to_number"), rs.getString("body"), MessageStatus.valueOf(rs.getString("status")),
                rs.getInt("segments"), rs.getString("error_code"), rs.getString("error_message"),
                Times.fromSql(rs.getObject("created_at")), Times.fromSql(rs.getObject("sent_at")),
                Times.fromSql(rs.getObject("delivered_at")), Times.fromSql(rs.getObject("finalized_at")));
    }
}
