package io.voltmsg.accounts;

import io.voltmsg.audit.Acting;
import io.voltmsg.audit.Actor;
import java.time.Instant;

/**
 * A portal user: one organization, one role.
 *
 * @param mustChangePassword true while the password is a one-time password someone else saw
 */
public record User(String id, String organizationId, String email, Role role, boolean mustChangePassword,
                   Instant createdAt, Instant lastSignedInAt, Instant passwordChangedAt) implements Acting {

    public boolean can(Permission permission) {
        return role.allows(permission);
    }

    @Override
    public Actor actor() {
        return Actor.user(id, email, organizationId);
    }
}
