package io.voltmsg.audit;

import io.voltmsg.shared.Times;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private static final String COLUMNS =
            "id, organization_id, occurred_at, actor_type, actor_id, actor_label, action, target_id, detail";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AuditEntry e) {
        jdbc.sql("insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.organizationId(), Times.sql(e.occurredAt()), e.actorType(), e.actorId(),
                        e.actorLabel(), e.action(), e.targetId(), e.detail())
                .update();
    }

    /** Newest first; {@code afterId} is the cursor (ids are time-ordered). */
    List<AuditEntry> page(String organizationId, String actionPrefix, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_log where organization_id = :org");
        if (actionPrefix != null) {
            sql.append(" and action like :action");
        }
        if (afterId != null) {
            sql.append(" and id < :after");
        }
        sql.append(" order by id desc limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("org", organizationId).param("limit", limit);
        if (actionPrefix != null) {
            spec = spec.param("action", actionPrefix + "%");
        }
        if (afterId != null) {
            spec = spec.param("after", afterId);
        }
        return spec.query((rs, n) -> new AuditEntry(rs.getString(1), rs.getString(2), Times.fromSql(rs.getObject(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    int purge(Instant cutoff, int limit) {
        List<String> ids = jdbc.sql("select id from audit_log where occurred_at < ? order by occurred_at limit ?")
                .params(Times.sql(cutoff), limit).query(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from audit_log where id in (:ids)").param("ids", ids).update();
    }
}
