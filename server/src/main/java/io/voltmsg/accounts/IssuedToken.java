package io.voltmsg.accounts;

import java.util.Set;

/** A freshly created token. {@code token} is the only time the plain value exists. */
public record IssuedToken(String id, String organizationId, String token, Set<Scope> scopes) {
}
