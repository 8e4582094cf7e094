package io.voltmsg.graphql;

import io.voltmsg.accounts.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token; the principal is the {@link Caller}. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    /** The role Boot's health endpoint asks for before it shows components and details (management.endpoint.health.roles). */
    static final String METRICS_ROLE = "METRICS";

    CallerAuthentication(Caller caller) {
        super(java.util.stream.Stream.concat(
                caller.scopes().stream().map(scope -> new SimpleGrantedAuthority(scope.value())),
                caller.scopes().contains(io.voltmsg.accounts.Scope.READ_METRICS)
                        ? java.util.stream.Stream.of(new SimpleGrantedAuthority("ROLE_" + METRICS_ROLE))
                        : java.util.stream.Stream.<SimpleGrantedAuthority>empty()).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.tokenId();
    }

}
