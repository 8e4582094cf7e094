package io.voltmsg.portal;

import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of this request, checked for a permission: every page and action asks here first. */
final class Access {

    /** The signed-in user's role does not allow this; answered 403 with a page that says so. */
    static final class ForbiddenException extends RuntimeException {
        final Permission permission;

        ForbiddenException(Permission permission) {
            super("your role does not allow this", null, false, false);
            this.permission = permission;
        }
    }

    private Access() {
    }

    /** The signed-in user, or null (only the sign-in page is served without one). */
    static User current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof User user ? user : null;
    }

    static User require(Permission permission) {
        User user = current();
        if (user == null) {
            throw new IllegalStateException("no signed-in user on a page that requires one");
        }
        if (!user.can(permission)) {
            throw new ForbiddenException(permission);
        }
        return user;
    }
}
