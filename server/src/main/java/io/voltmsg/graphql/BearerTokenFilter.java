package io.voltmsg.graphql;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Caller;
import io.voltmsg.shared.DatabaseAvailability;
import io.voltmsg.shared.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}; anything else stays anonymous and gets 401. When the database
 * cannot check the token, the answer is 503 {@code UNAVAILABLE}, at once while it is known to be down.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** The 401's message: how to authenticate, and why what was sent did not. */
    static String unauthorizedMessage(boolean credentialsRejected) {
        return credentialsRejected
                ? "the API token was not accepted (unknown, revoked or mistyped): send Authorization: Bearer <token>"
                        + " with an active token (voltmsg token list shows them)"
                : "no API token: send the header Authorization: Bearer <token> (create one with voltmsg token create"
                        + " or in the portal)";
    }

    private static final String PREFIX = "bearer ";
    /** Request attribute set when credentials were sent but not accepted, for the 401's message. */
    static final String REJECTED = BearerTokenFilter.class.getName() + ".rejected";

    private final AccountService accounts;
    private final DatabaseAvailability database;

    /** For health: while the database is down, go on without a caller (the public status says DOWN) rather than 503. */
    private final boolean anonymousWhenUnavailable;

    BearerTokenFilter(AccountService accounts, DatabaseAvailability database, boolean anonymousWhenUnavailable) {
        this.accounts = accounts;
        this.database = database;
        this.anonymousWhenUnavailable = anonymousWhenUnavailable;
    }

    /** GraphQL answers asynchronously at times; the re-dispatch must see the same caller. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.length() > PREFIX.length() && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            Optional<Caller> caller = Optional.empty();
            boolean unavailable = database.knownUnavailable();
            if (!unavailable) {
                try {
                    caller = accounts.authenticate(header.substring(PREFIX.length()).strip());
                    database.served();
                } catch (RuntimeException e) {
                    if (!DatabaseFailures.isUnavailable(e)) {
                        throw e;
                    }
                    database.failed();
                    unavailable = true;
                }
            }
            if (unavailable && !anonymousWhenUnavailable) {
                // The token cannot be checked: not "unauthorized", but "come back later".
                JsonErrors.unavailable(response);
                return;
            }
            caller.ifPresent(c -> SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(c)));
            if (caller.isEmpty()) {
                request.setAttribute(REJECTED, Boolean.TRUE);
            }
        } else if (header != null) {
            request.setAttribute(REJECTED, Boolean.TRUE);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
