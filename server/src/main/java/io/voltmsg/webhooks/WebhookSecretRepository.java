package io.voltmsg.webhooks;

import io.voltmsg.shared.Times;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code webhook_secrets}: sealed secrets only, never plain ones. */
@Repository
class WebhookSecretRepository {

    /** A stored secret, still sealed. */
    record SealedSecret(String id, String webhookId, byte[] sealed, Instant createdAt, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    WebhookSecretRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SealedSecret secret) {
        jdbc.sql("insert into webhook_secrets (id, webhook_id, secret_enc, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(secret.id(), secret.webhookId(), secret.sealed(), Times.sql(secret.createdAt()),
                        Times.sql(secret.expiresAt()))
                .update();
    }

    /** Secrets that still sign at {@code now}, newest first. */
    List<SealedSecret> active(String webhookId, Instant now) {
        return jdbc.sql("""
                        select id, webhook_id, secret_enc, created_at, expires_at from webhook_secrets
                        where webhook_id = ? and (expires_at is null or expires_at > ?)
                        order by created_at desc, id desc""")
                .params(webhookId, Times.sql(now))
                .query((rs, n) -> new SealedSecret(rs.getString(1), rs.getString(2), rs.getBytes(3),
                        Times.fromSql(rs.getObject(4)), Times.fromSql(rs.getObject(5))))
                .list();
    }

    /** Active secrets of every live webhook of the organization, newest first: one query for a whole fan-out. */
    List<SealedSecret> activeOfOrganization(String organizationId, Instant now) {
        return jdbc.sql("""
                        select s.id, s.webhook_id, s.secret_enc, s.created_at, s.expires_at
                        from webhook_secrets s join webhooks w on w.id = s.webhook_id
                        where w.organization_id = ? and w.deleted_at is null and (s.expires_at is null or s.expires_at > ?)
                        order by s.created_at desc, s.id desc""")
                .params(organizationId, Times.sql(now))
                .query((rs, n) -> new SealedSecret(rs.getString(1), rs.getString(2), rs.getBytes(3),
                        Times.fromSql(rs.getObject(4)), Times.fromSql(rs.getObject(5))))
                .list();
    }

    /** Ends every secret of the webhook that has no end yet at {@code until}. */
    int expireOpenEnded(String webhookId, Instant until) {
        return jdbc.sql("update webhook_secrets set expires_at = ? where webhook_id = ? and expires_at is null")
                .params(Times.sql(until), webhookId).update();
    }

    /** Forgets secrets that no longer sign. */
    void deleteExpired(String webhookId, Instant now) {
        jdbc.sql("delete from webhook_secrets where webhook_id = ? and expires_at <= ?")
                .params(webhookId, Times.sql(now)).update();
    }
}
