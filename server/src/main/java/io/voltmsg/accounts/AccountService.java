package io.voltmsg.accounts;

import io.voltmsg.audit.AuditLog;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations, their numbers and their API tokens. */
@Service
public class AccountService {

    static final int MAX_TOKEN_NAME = 100;

    private final AccountRepository repository;
    private final TokenUsage usage;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(AccountRepository repository, TokenUsage usage, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.usage = usage;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an organization; its name must not be another live organization's (ignoring case). */
    @Transactional
    public Organization createOrganization(String name) {
        String trimmed = organizationName(name, null);
        Instant now = Times.now(clock);
        Organization org = new Organization(Ids.newId("org", now), trimmed, now);
        repository.insertOrganization(org);
        return org;
    }

    /** Renames an organization; the same name rules as creating one. */
    @Transactional
    public Organization renameOrganization(String organizationId, String name) {
        Organization org = requireOrganization(organizationId);
        String trimmed = organizationName(name, organizationId);
        repository.renameOrganization(organizationId, trimmed);
        audit.record(organizationId, "organization.renamed", organizationId, org.name() + " -> " + trimmed);
        return new Organization(org.id(), trimmed, org.createdAt());
    }

    /**
     * Deletes an organization that has no numbers left (its webhooks are the caller's to remove first): revokes
     * its tokens, removes its portal users and hides it from every list; its history stays until retention
     * purges it. Returns how many tokens and users went with it.
     */
    @Transactional
    public DeletedOrganization deleteOrganization(String organizationId) {
        Organization org = requireOrganization(organizationId);
        List<String> numbers = repository.numbersOf(organizationId);
        if (!numbers.isEmpty()) {
            throw new IllegalArgumentException("organization " + organizationId + " still has numbers "
                    + String.join(", ", numbers));
        }
        Instant now = Times.now(clock);
        int tokens = repository.revokeTokens(organizationId, now);
        int users = repository.deleteUsers(organizationId);
        repository.markOrganizationDeleted(organizationId, now);
        audit.record(organizationId, "organization.deleted", organizationId, org.name());
        return new DeletedOrganization(org, tokens, users);
    }

    /** What deleting an organization took with it. */
    public record DeletedOrganization(Organization organization, int revokedTokens, int removedUsers) {
    }

    /** Removes a number from the organization that has it; false when no organization has it. */
    @Transactional
    public boolean removePhoneNumber(String number) {
        Optional<String> owner = number == null || number.length() > 16 ? Optional.empty()
                : repository.organizationOfNumber(number);
        if (owner.isEmpty() || !repository.deletePhoneNumber(number)) {
            return false;
        }
        audit.record(owner.get(), "number.removed", number, number);
        return true;
    }

    /** Every live organization's tokens (never their values), with when each was last used. */
    public List<TokenInfo> allTokens() {
        return repository.allTokens().stream().map(this::withPendingUse).toList();
    }

    private String organizationName(String name, String renamedId) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("organization name must be 1 to 200 printable characters");
        }
        repository.organizationNamed(trimmed).filter(other -> !other.id().equals(renamedId)).ifPresent(other -> {
            throw new IllegalArgumentException("an organization named '" + other.name() + "' already exists: "
                    + other.id());
        });
        return trimmed;
    }

    public Optional<Organization> findOrganization(String id) {
        return repository.findOrganization(id);
    }

    public List<Organization> organizations() {
        return repository.organizations();
    }

    /** Adds an E.164 number; numbers are unique across all organizations. */
    @Transactional
    public void addPhoneNumber(String organizationId, String number) {
        if (!PhoneNumbers.isE164(number)) {
            throw new IllegalArgumentException("phone number must be E.164, like +15550100001: " + printable(number));
        }
        requireOrganization(organizationId);
        try {
            repository.insertPhoneNumber(number, organizationId, Times.now(clock));
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("phone number " + number + " already belongs to an organization");
        }
    }

    public List<String> phoneNumbers(String organizationId) {
        return repository.numbersOf(organizationId);
    }

    /** The number's organization, as read up to {@code voltmsg.lookup-cache-ttl} ago (changes here apply at once). */
    public Optional<String> organizationOfNumber(String number) {
        return number == null ? Optional.empty() : repository.organizationOfNumberCached(number);
    }

    public boolean ownsNumber(String organizationId, String number) {
        return organizationOfNumber(number).filter(organizationId::equals).isPresent();
    }

    @Transactional
    public IssuedToken issueToken(String organizationId, Set<Scope> scopes) {
        return issueToken(organizationId, null, scopes);
    }

    /** Creates a token with an optional name (what lists and the audit log call it). */
    @Transactional
    public IssuedToken issueToken(String organizationId, String name, Set<Scope> scopes) {
        return storeToken(organizationId, tokenName(name), scopes, Tokens.generate());
    }

    /** Revokes a token by its id; false when there was no such active token. */
    @Transactional
    public boolean revokeToken(String tokenId) {
        Optional<TokenInfo> token = tokenId == null || tokenId.length() > 64 ? Optional.empty() : repository.token(tokenId);
        if (token.isEmpty() || !repository.revokeToken(tokenId, Times.now(clock))) {
            return false;
        }
        audit.record(token.get().organizationId(), "token.revoked", tokenId, describe(token.get()));
        return true;
    }

    /** Revokes one of the organization's tokens; NOT_FOUND for an unknown id, another organization's, or a revoked one. */
    @Transactional
    public void revokeToken(String organizationId, String tokenId) {
        if (findToken(organizationId, tokenId).filter(TokenInfo::active).isEmpty() || !revokeToken(tokenId)) {
            throw ApiException.notFound("token");
        }
    }

    /** The organization's tokens, newest first, with when each was last used. */
    public List<TokenInfo> tokens(String organizationId) {
        return repository.tokens(organizationId).stream().map(this::withPendingUse).toList();
    }

    public Optional<TokenInfo> findToken(String organizationId, String tokenId) {
        if (tokenId == null || !tokenId.matches("tok_[0-9A-Z]{26}")) {
            return Optional.empty();
        }
        return repository.token(tokenId).filter(t -> t.organizationId().equals(organizationId)).map(this::withPendingUse);
    }

    /** True when this is an active token's value; unlike {@link #authenticate}, not noted as a use. */
    public boolean isActiveToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= 512
                && repository.findActiveToken(Tokens.hash(token)).isPresent();
    }

    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        Optional<Caller> caller = repository.findActiveTokenCached(Tokens.hash(token));
        caller.ifPresent(c -> usage.used(c.tokenId(), Times.now(clock)));
        return caller;
    }

    /**
     * Creates the first-start organization with a number and an all-scope token, once per
     * database. Returns the token, or empty when the organization already existed.
     */
    @Transactional
    public Optional<IssuedToken> bootstrap(String phoneNumber, String configuredToken) {
        if (configuredToken != null && Tokens.problemWith(configuredToken) != null) {
            throw new IllegalArgumentException("voltmsg.bootstrap.token " + Tokens.problemWith(configuredToken));
        }
        if (!PhoneNumbers.isE164(phoneNumber)) {
            throw new IllegalArgumentException("voltmsg.bootstrap.phone-number must be E.164, like +15550100001: "
                    + printable(phoneNumber));
        }
        if (!repository.claimBootstrap(Times.now(clock))) {
            return Optional.empty();
        }
        Organization org = createOrganization("Default");
        addPhoneNumber(org.id(), phoneNumber);
        String token = configuredToken != null ? configuredToken : Tokens.generate();
        return Optional.of(storeToken(org.id(), "bootstrap", Set.of(Scope.values()), token));
    }

    private IssuedToken storeToken(String organizationId, String name, Set<Scope> scopes, String token) {
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        requireOrganization(organizationId);
        Instant now = Times.now(clock);
        String id = Ids.newId("tok", now);
        repository.insertToken(id, organizationId, name, Tokens.hash(token), scopes, now);
        audit.record(organizationId, "token.created", id, (name == null ? "" : name + ": ") + Scope.join(scopes));
        return new IssuedToken(id, organizationId, token, scopes);
    }

    private TokenInfo withPendingUse(TokenInfo t) {
        Instant pending = usage.pendingUse(t.id());
        return pending == null ? t : new TokenInfo(t.id(), t.organizationId(), t.name(), t.scopes(), t.createdAt(),
                TokenUsage.newer(pending, t.lastUsedAt()), t.revokedAt());
    }

    private static String describe(TokenInfo token) {
        return (token.name() == null ? "" : token.name() + ": ") + Scope.join(token.scopes());
    }

    /** Null for no name; else printable, at most {@value #MAX_TOKEN_NAME} characters. */
    static String tokenName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_TOKEN_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token name must be at most " + MAX_TOKEN_NAME
                    + " printable characters");
        }
        return trimmed;
    }

    private Organization requireOrganization(String organizationId) {
        return (organizationId == null || organizationId.length() > 64 ? Optional.<Organization>empty()
                : repository.findOrganization(organizationId))
                .orElseThrow(() -> new IllegalArgumentException("no organization with id " + printable(organizationId)));
    }

    private static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
