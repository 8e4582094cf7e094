package io.voltmsg.webhooks;

import io.voltmsg.shared.Times;
import java.time.Instant;
import java.util.Collection;
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

    /** Secrets of the given webhooks that still sign at {@code now}, newest first: one query for a whole batch. */
    List<SealedSecret> active(Collection<String> webhookIds, Instant now) {
        return jdbc.sql("""
                        select id, webhook_id, secret_enc, created_at, expires_at from webhook_secrets
                        where webhook_id in (:ids) and (expires_at is null or expires_at > :now)
                        order by created_at desc, id desc""")
                .param("ids", webhookIds)
                .param("now", Times.sql(now))
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
