package io.voltmsg.accounts;

import java.util.Set;

/** Who is calling the API: the organization a valid token belongs to, and what it may do. */
public record Caller(String organizationId, String tokenId, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
