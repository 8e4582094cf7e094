package io.voltmsg.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as lists show it (never its value).
 *
 * @param lastUsedAt when it last authenticated a request, to within a minute; null if never
 */
public record TokenInfo(String id, String organizationId, String name, Set<Scope> scopes, Instant createdAt,
                        Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
