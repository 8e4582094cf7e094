package io.voltmsg.portal;

import io.voltmsg.accounts.User;
import io.voltmsg.accounts.UserService;
import io.voltmsg.shared.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in user again on every request, so a removed user, a changed role or a password
 * reset takes effect at once (a reset ends the user's other sessions); a user with a one-time password
 * can only choose a new one.
 */
final class SignedInUsers extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";

    private final UserService users;

    SignedInUsers(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Static files (styles, scripts) need no fresh look at the user; pages and actions do.
        if (PortalRoutes.isPage(path) && authentication != null && authentication.getPrincipal() instanceof User signedIn) {
            Optional<User> current;
            try {
                current = users.find(signedIn.id());
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    throw e;
                }
                PortalUnavailable.write(response);
                return;
            }
            if (current.isEmpty() || !Objects.equals(current.get().passwordChangedAt(), signedIn.passwordChangedAt())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(PortalRoutes.SIGN_IN + "?expired");
                return;
            }
            if (!current.get().equals(signedIn)) {
                replace(request, current.get());
            }
            if (current.get().mustChangePassword() && PortalRoutes.isPage(path) && !path.equals(CHANGE_PASSWORD)
                    && !path.equals("/signout")) {
                response.sendRedirect(CHANGE_PASSWORD);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Puts a fresh copy of the user into this request's context and the session. */
    static void replace(HttpServletRequest request, User user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(PortalSignIn.signedIn(user));
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute("SPRING_SECURITY_CONTEXT", context);
        }
    }
}
