package io.voltmsg.carrier.smpp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link InboundParts} in the database (tables {@code carrier_part_groups} and {@code carrier_parts}), so a part
 * acknowledged to the carrier survives a killed process, and instances sharing the database join each other's
 * parts. A part is stored in one transaction with everything it leads to: when it completes its message, the
 * message is handed on (messaging records it in the same transaction) and the parts are deleted, so a message is
 * recorded exactly when its last part is acknowledged. The group's row is locked while a part is handled, so two
 * parts of one message arriving at once never both miss the other.
 */
public final class StoredInboundParts implements InboundParts {

    private static final Logger log = LoggerFactory.getLogger(StoredInboundParts.class);
    private static final int EXPIRED_PER_PASS = 100;
    private static final String KEY = "source = :source and destination = :destination and reference = :reference"
            + " and sixteen_bit = :sixteenBit";

    private record Group(int total, Instant firstPartAt, Instant handedOnAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration timeout;

    public StoredInboundParts(JdbcClient jdbc, TransactionTemplate transactions, Duration timeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timeout = timeout;
    }

    @Override
    public void accept(Part part, Instant now, Consumer<Assembled> handOn) {
        Map<String, Object> key = key(part.from(), part.to(), part.reference(), part.sixteenBit());
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("insert into carrier_part_groups (source, destination, reference, sixteen_bit, total, first_part_at)"
                            + " values (:source, :destination, :reference, :sixteenBit, :total, :now) on conflict do nothing")
                    .params(key).param("total", part.total()).param("now", sql(now)).update();
            Group group = lock(key).orElseThrow();
            if (group.handedOnAt() != null) {
                if (group.handedOnAt().plus(timeout).isAfter(now)) {
                    return; // a late duplicate of a part of a message already handed on
                }
                // the reference is reused by a new message
                jdbc.sql("update carrier_part_groups set total = :total, first_part_at = :now, handed_on_at = null where "
                        + KEY).params(key).param("total", part.total()).param("now", sql(now)).update();
                group = new Group(part.total(), now, null);
            }
            jdbc.sql("insert into carrier_parts (source, destination, reference, sixteen_bit, sequence, text)"
                            + " values (:source, :destination, :reference, :sixteenBit, :sequence, :text) on conflict do nothing")
                    .params(key).param("sequence", part.sequence()).param("text", part.text()).update();
            List<String> texts = texts(key);
            if (texts.size() >= group.total()) {
                handOn.accept(new Assembled(part.from(), part.to(), String.join("", texts), texts.size(),
                        group.firstPartAt()));
                forget(key, now);
            }
        });
    }

    @Override
    public void expire(Instant now, Consumer<Assembled> handOn) {
        Instant cutoff = now.minus(timeout);
        List<Map<String, Object>> due = jdbc.sql("select source, destination, reference, sixteen_bit from carrier_part_groups"
                        + " where handed_on_at is null and first_part_at <= :cutoff order by first_part_at limit :limit")
                .param("cutoff", sql(cutoff)).param("limit", EXPIRED_PER_PASS)
                .query((rs, row) -> key(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4))).list();
        for (Map<String, Object> key : due) {
            try {
                transactions.executeWithoutResult(tx -> {
                    Optional<Group> group = lock(key);
                    if (group.isEmpty() || group.get().handedOnAt() != null) {
                        return; // another instance took it
                    }
                    List<String> texts = texts(key);
                    if (!texts.isEmpty()) {
                        handOn.accept(new Assembled((String) key.get("source"), (String) key.get("destination"),
                                String.join("", texts), texts.size(), group.get().firstPartAt()));
                    }
                    forget(key, now);
                });
            } catch (RuntimeException e) {
                log.warn("Handing on an incomplete inbound message from {} failed; offered again on the next pass: {}",
                        key.get("source"), e.toString());
            }
        }
        jdbc.sql("delete from carrier_part_groups where handed_on_at <= :cutoff").param("cutoff", sql(cutoff)).update();
    }

    private Optional<Group> lock(Map<String, Object> key) {
        return jdbc.sql("select total, first_part_at, handed_on_at from carrier_part_groups where " + KEY + " for update")
                .params(key).query(StoredInboundParts::group).optional();
    }

    private List<String> texts(Map<String, Object> key) {
        return jdbc.sql("select text from carrier_parts where " + KEY + " order by sequence").params(key)
                .query(String.class).list();
    }

    /** The message was handed on: its parts go, its group stays a timeout to recognise late duplicates. */
    private void forget(Map<String, Object> key, Instant now) {
        jdbc.sql("delete from carrier_parts where " + KEY).params(key).update();
        jdbc.sql("update carrier_part_groups set handed_on_at = :now where " + KEY).params(key).param("now", sql(now))
                .update();
    }

    private static Map<String, Object> key(String source, String destination, int reference, boolean sixteenBit) {
        return Map.of("source", source, "destination", destination, "reference", reference, "sixteenBit", sixteenBit);
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        OffsetDateTime handed = rs.getObject(3, OffsetDateTime.class);
        return new Group(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                handed == null ? null : handed.toInstant());
    }

    private static OffsetDateTime sql(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
