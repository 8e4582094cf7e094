package io.voltmsg.accounts;

import io.voltmsg.shared.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS = """
            id, organization_id, email, role, must_change_password, created_at, last_signed_in_at, password_changed_at""";

    /** A user row with its password hash, which never leaves this package. */
    record Stored(User user, String passwordHash) {
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(User user, String passwordHash) {
        jdbc.sql("insert into users (" + COLUMNS + ", password_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), user.organizationId(), user.email(), user.role().wire(), user.mustChangePassword(),
                        Times.sql(user.createdAt()), Times.sql(user.lastSignedInAt()),
                        Times.sql(user.passwordChangedAt()), passwordHash)
                .update();
    }

    Optional<User> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id).query(UserRepository::map).optional();
    }

    Optional<Stored> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from users where email = ?").param(email)
                .query((rs, n) -> new Stored(map(rs, n), rs.getString("password_hash"))).optional();
    }

    Optional<String> passwordHash(String id) {
        return jdbc.sql("select password_hash from users where id = ?").param(id).query(String.class).optional();
    }

    List<User> list(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from users where organization_id = ? order by email")
                .param(organizationId).query(UserRepository::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    int countAdmins(String organizationId) {
        return jdbc.sql("select count(*) from users where organization_id = ? and role = 'admin'")
                .param(organizationId).query(Integer.class).single();
    }

    boolean delete(String organizationId, String id) {
        return jdbc.sql("delete from users where id = ? and organization_id = ?").params(id, organizationId).update() == 1;
    }

    void setRole(String id, Role role) {
        jdbc.sql("update users set role = ? where id = ?").params(role.wire(), id).update();
    }

    void setPassword(String id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("update users set password_hash = ?, must_change_password = ?, password_changed_at = ? where id = ?")
                .params(hash, mustChange, Times.sql(now), id).update();
    }

    void signedIn(String id, Instant now) {
        jdbc.sql("update users set last_signed_in_at = ? where id = ?").params(Times.sql(now), id).update();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getString("id"), rs.getString("organization_id"), rs.getString("email"),
                Role.parse(rs.getString("role")), rs.getBoolean("must_change_password"),
                Times.fromSql(rs.getObject("created_at")), Times.fromSql(rs.getObject("last_signed_in_at")),
                Times.fromSql(rs.getObject("password_changed_at")));
    }
}
