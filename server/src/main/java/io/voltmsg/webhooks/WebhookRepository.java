package io.voltmsg.webhooks;

import io.voltmsg.shared.Times;
import io.voltmsg.shared.ExpiringCache;
import io.voltmsg.shared.VoltmsgProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    private static final String COLUMNS = "id, organization_id, url, enabled, disabled_reason, created_at, last_updated_at";

    private final JdbcClient jdbc;

    /** Each organization's webhooks, for the events written on the hot path; cleared by every change here. */
    private final ExpiringCache<String, List<Webhook>> lists;

    WebhookRepository(JdbcClient jdbc, VoltmsgProperties properties) {
        this.lists = new ExpiringCache<>(properties.lookupCacheTtl(), 10_000);
        this.jdbc = jdbc;
    }

    void insert(Webhook webhook, String normalizedUrl) {
        lists.clearAfterCommit();
        jdbc.sql("""
                        insert into webhooks (id, organization_id, url, active_url, enabled, disabled_reason, created_at,
                                              last_updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(webhook.id(), webhook.organizationId(), webhook.url(), normalizedUrl, webhook.enabled(),
                        webhook.disabledReason(), Times.sql(webhook.createdAt()), Times.sql(webhook.lastUpdatedAt()))
                .update();
    }

    Optional<Webhook> find(String organizationId, String id) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where id = ? and organization_id = ? and deleted_at is null")
                .params(id, organizationId).query(WebhookRepository::map).optional();
    }

    Optional<Webhook> findAnyOrganization(String id) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where id = ? and deleted_at is null")
                .param(id).query(WebhookRepository::map).optional();
    }

    Optional<Webhook> findByNormalizedUrl(String organizationId, String normalizedUrl) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where organization_id = ? and active_url = ?")
                .params(organizationId, normalizedUrl).query(WebhookRepository::map).optional();
    }

    /** As {@link #list}, possibly as read up to {@code voltmsg.lookup-cache-ttl} ago by another instance. */
    List<Webhook> listCached(String organizationId) {
        return lists.get(organizationId, this::list);
    }

    List<Webhook> list(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where organization_id = ? and deleted_at is null order by created_at, id")
                .param(organizationId).query(WebhookRepository::map).list();
    }

    int count(String organizationId) {
        return jdbc.sql("select count(*) from webhooks where organization_id = ? and deleted_at is null")
                .param(organizationId).query(Integer.class).single();
    }

    void updateUrl(String id, String url, String normalizedUrl, Instant now) {
        lists.clearAfterCommit();
        jdbc.sql("update webhooks set url = ?, active_url = ?, last_updated_at = ? where id = ?")
                .params(url, normalizedUrl, Times.sql(now), id).update();
    }

    boolean markDeleted(String organizationId, String id, Instant now) {
        lists.clearAfterCommit();
        return jdbc.sql("""
                        update webhooks set deleted_at = ?, active_url = null, last_updated_at = ?
                        where id = ? and organization_id = ? and deleted_at is null""")
                .params(Times.sql(now), Times.sql(now), id, organizationId).update() == 1;
    }

    /** The webhooks among {@code ids} that were not deleted, of any organization. */
    List<Webhook> findAllAnyOrganization(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from webhooks where id in (:ids) and deleted_at is null")
                .param("ids", ids).query(WebhookRepository::map).list();
    }

    /** Enables or disables a webhook; {@code onlyIfEnabled} keeps an already disabled webhook's reason. */
    boolean setEnabled(String id, boolean enabled, String disabledReason, Instant now, boolean onlyIfEnabled) {
        lists.clearAfterCommit();
        return jdbc.sql("update webhooks set enabled = ?, disabled_reason = ?, last_updated_at = ? where id = ?"
                        + " and deleted_at is null" + (onlyIfEnabled ? " and enabled = true" : ""))
                .params(enabled, disabledReason, Times.sql(now), id).update() == 1;
    }

    int countDisabled() {
        return jdbc.sql("select count(*) from webhooks where enabled = false and deleted_at is null")
                .query(Integer.class).single();
    }

    private static Webhook map(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                Times.fromSql(rs.getObject(6)), Times.fromSql(rs.getObject(7)));
    }
}
