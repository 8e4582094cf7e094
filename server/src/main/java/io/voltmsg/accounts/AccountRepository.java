package io.voltmsg.accounts;

import io.voltmsg.shared.ExpiringCache;
import io.voltmsg.shared.Times;
import io.voltmsg.shared.VoltmsgProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;
    /** Active tokens by hash, for every API request; cleared by every change to tokens or organizations here. */
    private final ExpiringCache<String, Optional<Caller>> activeTokens;
    /** Numbers' organizations, for every message; cleared by every change to numbers or organizations here. */
    private final ExpiringCache<String, Optional<String>> numberOwners;

    AccountRepository(JdbcClient jdbc, VoltmsgProperties properties) {
        this.jdbc = jdbc;
        this.activeTokens = new ExpiringCache<>(properties.lookupCacheTtl(), 10_000);
        this.numberOwners = new ExpiringCache<>(properties.lookupCacheTtl(), 100_000);
    }

    /** As {@link #findActiveToken}, possibly as read up to {@code voltmsg.lookup-cache-ttl} ago by another instance. */
    Optional<Caller> findActiveTokenCached(String hash) {
        return activeTokens.get(hash, this::findActiveToken);
    }

    /** As {@link #organizationOfNumber}, possibly as read up to {@code voltmsg.lookup-cache-ttl} ago by another instance. */
    Optional<String> organizationOfNumberCached(String number) {
        return numberOwners.get(number, this::organizationOfNumber);
    }

    void insertOrganization(Organization org) {
        jdbc.sql("insert into organizations (id, name, created_at) values (?, ?, ?)")
                .params(org.id(), org.name(), Times.sql(org.createdAt()))
                .update();
    }

    Optional<Organization> findOrganization(String id) {
        return jdbc.sql("select id, name, created_at from organizations where id = ? and deleted_at is null")
                .param(id)
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2), Times.fromSql(rs.getObject(3))))
                .optional();
    }

    List<Organization> organizations() {
        return jdbc.sql("select id, name, created_at from organizations where deleted_at is null order by created_at, id")
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2), Times.fromSql(rs.getObject(3))))
                .list();
    }

    /** The live organization with this name, compared without regard to case. */
    Optional<Organization> organizationNamed(String name) {
        return jdbc.sql("select id, name, created_at from organizations where lower(name) = lower(?) and deleted_at is null")
                .param(name)
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2), Times.fromSql(rs.getObject(3))))
                .list().stream().findFirst();
    }

    boolean renameOrganization(String id, String name) {
        return jdbc.sql("update organizations set name = ? where id = ? and deleted_at is null").params(name, id).update() == 1;
    }

    boolean markOrganizationDeleted(String id, Instant now) {
        activeTokens.clearAfterCommit();
        numberOwners.clearAfterCommit();
        return jdbc.sql("update organizations set deleted_at = ? where id = ? and deleted_at is null")
                .params(Times.sql(now), id).update() == 1;
    }

    boolean deletePhoneNumber(String number) {
        numberOwners.clearAfterCommit();
        return jdbc.sql("delete from phone_numbers where phone_number = ?").param(number).update() == 1;
    }

    /** Revokes every active token of the organization; returns how many. */
    int revokeTokens(String organizationId, Instant now) {
        activeTokens.clearAfterCommit();
        return jdbc.sql("update api_tokens set revoked_at = ? where organization_id = ? and revoked_at is null")
                .params(Times.sql(now), organizationId).update();
    }

    int deleteUsers(String organizationId) {
        return jdbc.sql("delete from users where organization_id = ?").param(organizationId).update();
    }

    /** Every organization's tokens (for the command line), oldest organization first, newest token first. */
    List<TokenInfo> allTokens() {
        return jdbc.sql("select t." + TOKEN_COLUMNS.replace(", ", ", t.") + " from api_tokens t"
                        + " join organizations o on o.id = t.organization_id where o.deleted_at is null"
                        + " order by o.created_at, o.id, t.created_at desc, t.id desc")
                .query(AccountRepository::mapToken).list();
    }

    void insertPhoneNumber(String number, String organizationId, Instant now) {
        numberOwners.clearAfterCommit();
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

    void insertToken(String id, String organizationId, String name, String hash, Set<Scope> scopes, Instant now) {
        activeTokens.clearAfterCommit();
        jdbc.sql("insert into api_tokens (id, organization_id, name, token_hash, scopes, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, organizationId, name, hash, Scope.join(scopes), Times.sql(now))
                .update();
    }

    Optional<Caller> findActiveToken(String hash) {
        return jdbc.sql("select id, organization_id, scopes, name from api_tokens where token_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new Caller(rs.getString(2), rs.getString(1), Scope.parseList(rs.getString(3)),
                        rs.getString(4)))
                .optional();
    }

    private static final String TOKEN_COLUMNS = "id, organization_id, name, scopes, created_at, last_used_at, revoked_at";

    /** The organization's tokens, newest first, revoked ones included. */
    List<TokenInfo> tokens(String organizationId) {
        return jdbc.sql("select " + TOKEN_COLUMNS + " from api_tokens where organization_id = ? order by created_at desc, id desc")
                .param(organizationId).query(AccountRepository::mapToken).list();
    }

    Optional<TokenInfo> token(String tokenId) {
        return jdbc.sql("select " + TOKEN_COLUMNS + " from api_tokens where id = ?").param(tokenId)
                .query(AccountRepository::mapToken).optional();
    }

    private static TokenInfo mapToken(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TokenInfo(rs.getString(1), rs.getString(2), rs.getString(3), Scope.parseList(rs.getString(4)),
                Times.fromSql(rs.getObject(5)), Times.fromSql(rs.getObject(6)), Times.fromSql(rs.getObject(7)));
    }

    /** Writes when tokens were last used, never moving a time backwards. */
    void recordUse(java.util.Map<String, Instant> uses) {
        uses.forEach((id, at) -> jdbc.sql("""
                        update api_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)""")
                .params(Times.sql(at), id, Times.sql(at)).update());
    }

    boolean revokeToken(String tokenId, Instant now) {
        activeTokens.clearAfterCommit();
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
