package io.voltmsg.accounts;

import io.voltmsg.audit.AuditLog;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portal users: one organization and one role each, bcrypt-hashed passwords. Every change is
 * recorded in the audit log in its own transaction; so are sign-ins and failed sign-ins of known
 * addresses.
 */
@Service
public class UserService {

    private final UserRepository repository;
    private final AccountService accounts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SignInThrottle throttle = new SignInThrottle();

    UserService(UserRepository repository, AccountService accounts, AuditLog audit, TransactionTemplate transactions,
                Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Adds a user with a one-time password, which they are asked to change at their first sign-in. */
    public IssuedPassword add(String organizationId, String email, Role role) {
        return add(organizationId, email, role, null);
    }

    /**
     * Adds a user. With {@code password} null a one-time password is generated (and must be changed at
     * the first sign-in); a given password is checked and kept.
     */
    public IssuedPassword add(String organizationId, String email, Role role, String password) {
        String address = input("email", () -> Emails.normalize(email));
        if (role == null) {
            throw ApiException.badInput("role", "role is required");
        }
        if (accounts.findOrganization(organizationId).isEmpty()) {
            throw ApiException.badInput("organization", "no such organization");
        }
        if (password != null && Passwords.problemWith(password) != null) {
            throw ApiException.badInput("password", Passwords.problemWith(password));
        }
        String plain = password != null ? password : Passwords.generate();
        Instant now = Times.now(clock);
        User user = new User(Ids.newId("usr", now), organizationId, address, role, password == null, now, null, now);
        try {
            transactions.executeWithoutResult(tx -> {
                repository.insert(user, Passwords.hash(plain));
                audit.record(organizationId, "user.added", user.id(), address + " as " + role.wire());
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.badInput("email", "a user with this e-mail address already exists");
        }
        return new IssuedPassword(user, plain);
    }

    /** Removes a user of the organization; the last admin cannot be removed. */
    public void remove(String organizationId, String userId) {
        transactions.executeWithoutResult(tx -> {
            User user = get(organizationId, userId);
            if (user.role() == Role.ADMIN && repository.countAdmins(organizationId) <= 1) {
                throw ApiException.badInput("user", "the last admin of an organization cannot be removed");
            }
            repository.delete(organizationId, userId);
            audit.record(organizationId, "user.removed", userId, user.email());
        });
    }

    /** Gives a user another role; the last admin keeps theirs. */
    public User changeRole(String organizationId, String userId, Role role) {
        return transactions.execute(tx -> {
            User user = get(organizationId, userId);
            if (user.role() == role) {
                return user;
            }
            if (user.role() == Role.ADMIN && repository.countAdmins(organizationId) <= 1) {
                throw ApiException.badInput("role", "the last admin of an organization must stay admin");
            }
            repository.setRole(userId, role);
            audit.record(organizationId, "user.role_changed", userId, user.email() + ": " + user.role().wire()
                    + " → " + role.wire());
            return get(organizationId, userId);
        });
    }

    /** Replaces a user's password with a one-time one; their sessions end. */
    public IssuedPassword resetPassword(String organizationId, String userId) {
        return transactions.execute(tx -> {
            User user = get(organizationId, userId);
            String plain = Passwords.generate();
            repository.setPassword(userId, Passwords.hash(plain), true, Times.now(clock));
            audit.record(organizationId, "user.password_reset", userId, user.email());
            return new IssuedPassword(get(organizationId, userId), plain);
        });
    }

    /** The command line's reset, by e-mail address. */
    public IssuedPassword resetPassword(String email) {
        String address = Emails.normalize(email);
        User user = repository.findByEmail(address).map(UserRepository.Stored::user)
                .orElseThrow(() -> new IllegalArgumentException("no user with e-mail address " + address));
        return resetPassword(user.organizationId(), user.id());
    }

    /** A user sets their own password, proving the current one. */
    public User changePassword(String userId, String currentPassword, String newPassword) {
        User user = repository.find(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (!Passwords.matches(currentPassword, repository.passwordHash(userId).orElse(null))) {
            throw ApiException.badInput("currentPassword", "the current password is not right");
        }
        String problem = Passwords.problemWith(newPassword);
        if (problem != null) {
            throw ApiException.badInput("newPassword", problem);
        }
        if (newPassword.equals(currentPassword)) {
            throw ApiException.badInput("newPassword", "the new password must differ from the current one");
        }
        transactions.executeWithoutResult(tx -> {
            repository.setPassword(userId, Passwords.hash(newPassword), false, Times.now(clock));
            audit.record(user.organizationId(), "user.password_changed", userId, user.email());
        });
        return repository.find(userId).orElseThrow();
    }

    /**
     * Checks an e-mail address and password. Repeated failures from the same address or for the same
     * account are slowed ({@link SignInThrottle}); an unknown address costs as much time as a wrong password.
     */
    public SignIn signIn(String email, String password, String clientAddress) {
        Instant now = Times.now(clock);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String[] keys = {"email:" + address, "client:" + (clientAddress == null ? "?" : clientAddress)};
        Duration wait = throttle.remaining(now, keys);
        if (!wait.isZero()) {
            return new SignIn.Throttled(wait);
        }
        Optional<UserRepository.Stored> stored = address.length() > Emails.MAX_LENGTH ? Optional.empty()
                : repository.findByEmail(address);
        if (!Passwords.matches(password, stored.map(UserRepository.Stored::passwordHash).orElse(null))) {
            throttle.failed(now, keys);
            stored.ifPresent(s -> transactions.executeWithoutResult(tx -> audit.record(s.user().actor(),
                    s.user().organizationId(), "user.sign_in_failed", s.user().id(), "from " + clientAddress)));
            return new SignIn.Refused();
        }
        throttle.succeeded(keys);
        User user = stored.get().user();
        transactions.executeWithoutResult(tx -> {
            repository.signedIn(user.id(), now);
            audit.record(user.actor(), user.organizationId(), "user.signed_in", user.id(), "from " + clientAddress);
        });
        return new SignIn.Succeeded(repository.find(user.id()).orElseThrow());
    }

    /** The user, if they still exist: sessions are checked against this on every request. */
    public Optional<User> find(String userId) {
        if (userId == null || !userId.matches("usr_[0-9A-Z]{26}")) {
            return Optional.empty();
        }
        return repository.find(userId);
    }

    public List<User> list(String organizationId) {
        return repository.list(organizationId);
    }

    /** The organization's user; NOT_FOUND also for another organization's id. */
    public User get(String organizationId, String userId) {
        return find(userId).filter(u -> u.organizationId().equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("user"));
    }

    /** True when no user exists at all (start-up then creates the first admin). */
    public boolean none() {
        return repository.count() == 0;
    }

    private static String input(String field, java.util.function.Supplier<String> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(field, e.getMessage());
        }
    }
}
