package io.voltmsg.accounts;

import io.voltmsg.shared.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertOrganization(Organization org) {
        jdbc.sql("insert into organizations (id, name, created_at) values (?, ?, ?)")
                .params(org.id(), org.name(), Times.sql(org.createdAt()))
                .update();
    }

    Optional<Organization> findOrganization(String id) {
        return jdbc.sql("select id, name, created_at from organizations where id = ?")
                .param(id)
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2), Times.fromSql(rs.getObject(3))))
                .optional();
    }

    List<Organization> organizations() {
        return jdbc.sql("select id, name, created_at from organizations order by created_at, id")
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2), Times.fromSql(rs.getObject(3))))
                .list();
    }

    void insertPhoneNumber(String number, String organizationId, Instant now) {
        jdbc.sql("insert into phone_numbers (phone_number, organization_id, created_at) values (?, ?, ?)")
                .params(number, organizationId, Times.sql(now))
                .update();
    }

    Optional<String> organizationOfNumber(String number) {
        return jdbc.sql("select organization_id from phone_numbers where phone_number = ?")
                .param(number).query(String.class).optional();
    }

    List<String> numbersOf(String organizationId) {
        return jdbc.sql("select phone_number from phone_numbers where organization_id = ? order by phone_number")
                .param(organizationId).query(String.class).list();
    }

    void insertToken(String id, String organizationId, String hash, Set<Scope> scopes, Instant now) {
        jdbc.sql("insert into api_tokens (id, organization_id, token_hash, scopes, created_at) values (?, ?, ?, ?, ?)")
                .params(id, organizationId, hash, Scope.join(scopes), Times.sql(now))
                .update();
    }

    Optional<Caller> findActiveToken(String hash) {
        return jdbc.sql("select id, organization_id, scopes from api_tokens where token_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new Caller(rs.getString(2), rs.getString(1), Scope.parseList(rs.getString(3))))
                .optional();
    }

    boolean revokeToken(String tokenId, Instant now) {
        return jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
                .params(Times.sql(now), tokenId)
                .update() == 1;
    }

    /** True for the one caller that gets to create the first-start organization. */
    boolean claimBootstrap(Instant now) {
        try {
            jdbc.sql("insert into bootstrap_marker (id, created_at) values (1, ?)").param(Times.sql(now)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }
}
