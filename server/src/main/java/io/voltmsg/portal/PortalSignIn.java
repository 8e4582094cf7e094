package io.voltmsg.portal;

import io.voltmsg.accounts.SignIn;
import io.voltmsg.accounts.User;
import io.voltmsg.accounts.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail address and password through accounts (which slows repeated failures and records
 * sign-ins in the audit log); afterwards sends the user where they were going, or to choose a password
 * when theirs is a one-time one. Failures say nothing about which of the two was wrong.
 */
@Component
class PortalSignIn implements AuthenticationProvider, AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Signing in was refused without checking: too many failures lately. */
    static final class ThrottledException extends AuthenticationException {
        final long seconds;

        ThrottledException(long seconds) {
            super("too many failed sign-ins");
            this.seconds = seconds;
        }
    }

    private final UserService users;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    PortalSignIn(UserService users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        SignIn result = users.signIn(String.valueOf(authentication.getPrincipal()),
                authentication.getCredentials() == null ? null : authentication.getCredentials().toString(), client);
        if (result instanceof SignIn.Succeeded succeeded) {
            return signedIn(succeeded.user());
        }
        if (result instanceof SignIn.Throttled throttled) {
            throw new ThrottledException(Math.max(1, throttled.retryAfter().toSeconds()
                    + (throttled.retryAfter().toMillisPart() > 0 ? 1 : 0)));
        }
        throw new BadCredentialsException("e-mail address or password is not right");
    }

    static UsernamePasswordAuthenticationToken signedIn(User user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        User user = (User) authentication.getPrincipal();
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = user.mustChangePassword() ? SignedInUsers.CHANGE_PASSWORD
                : saved != null && "GET".equals(saved.getMethod()) ? saved.getRedirectUrl() : "/settings/webhooks";
        response.sendRedirect(target);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        response.sendRedirect(exception instanceof ThrottledException throttled
                ? PortalRoutes.SIGN_IN + "?wait=" + throttled.seconds : PortalRoutes.SIGN_IN + "?error");
    }
}
