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

    private static final String PREFIX = "bearer ";

    private final AccountService accounts;
    private final DatabaseAvailability database;

    BearerTokenFilter(AccountService accounts, DatabaseAvailability database) {
        this.accounts = accounts;
        this.database = database;
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
            if (database.knownUnavailable()) {
                JsonErrors.unavailable(response);
                return;
            }
            Optional<Caller> caller;
            try {
                caller = accounts.authenticate(header.substring(PREFIX.length()).strip());
                database.served();
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    throw e;
                }
                // The token cannot be checked: not "unauthorized", but "come back later".
                database.failed();
                JsonErrors.unavailable(response);
                return;
            }
            caller.ifPresent(c -> SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(c)));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
