package io.voltmsg.accounts;

import io.voltmsg.audit.Acting;
import io.voltmsg.audit.Actor;
import java.util.Set;

/** Who is calling the API: the organization a valid token belongs to, and what it may do. */
public record Caller(String organizationId, String tokenId, Set<Scope> scopes, String tokenName) implements Acting {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public Caller(String organizationId, String tokenId, Set<Scope> scopes) {
        this(organizationId, tokenId, scopes, null);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    @Override
    public Actor actor() {
        return Actor.token(tokenId, tokenName, organizationId);
    }
}
