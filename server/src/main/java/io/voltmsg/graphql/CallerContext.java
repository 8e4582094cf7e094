package io.voltmsg.graphql;

import io.voltmsg.accounts.Caller;
import io.voltmsg.accounts.Scope;
import io.voltmsg.shared.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of the current GraphQL request, checked for a scope. */
final class CallerContext {

    private CallerContext() {
    }

    static Caller require(Scope scope) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CallerAuthentication callerAuthentication)) {
            throw new ApiException("UNAUTHENTICATED", "unauthorized");
        }
        Caller caller = callerAuthentication.getPrincipal();
        if (!caller.has(scope)) {
            throw new ApiException("FORBIDDEN", "missing scope " + scope.value());
        }
        return caller;
    }
}
