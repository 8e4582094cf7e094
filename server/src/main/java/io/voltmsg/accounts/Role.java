package io.voltmsg.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a portal user may do. {@code admin}: everything, users and API tokens included;
 * {@code developer}: webhooks, messages and contacts; {@code viewer}: read only, and no secrets.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    DEVELOPER(EnumSet.of(Permission.READ, Permission.WRITE_WEBHOOKS, Permission.READ_SECRETS,
            Permission.SEND_MESSAGES, Permission.WRITE_CONTACTS)),
    VIEWER(EnumSet.of(Permission.READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** Lower-case, as stored and shown: {@code admin}, {@code developer}, {@code viewer}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.wire().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role must be one of "
                        + Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", "))));
    }
}
