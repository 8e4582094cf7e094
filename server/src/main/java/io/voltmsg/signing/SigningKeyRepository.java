package io.voltmsg.signing;

import io.voltmsg.shared.Times;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredKey> keys(String algorithm) {
        return jdbc.sql("""
                        select id, algorithm, generation, public_key, private_key_enc, created_at, activates_at
                        from signing_keys where algorithm = ? order by generation""")
                .param(algorithm)
                .query((rs, n) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBytes(4),
                        rs.getBytes(5), Times.fromSql(rs.getObject(6)), Times.fromSql(rs.getObject(7))))
                .list();
    }

    /** False when another instance stored this generation first; the caller then reloads. */
    boolean insert(StoredKey key) {
        try {
            jdbc.sql("""
                            insert into signing_keys (id, algorithm, generation, public_key, private_key_enc, created_at, activates_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(key.id(), key.algorithm(), key.generation(), key.publicKey(), key.sealedPrivateKey(),
                            Times.sql(key.createdAt()), Times.sql(key.activatesAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
