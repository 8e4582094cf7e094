package io.voltmsg.audit;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller context both front doors set: Spring Security's thread-bound (and, for GraphQL's
 * asynchronous execution, propagated) security context. The bearer-token filter puts an API token's
 * caller there, the portal's sign-in a user; both implement {@link Acting}. Work started by neither
 * (the delivery engine, start-up, the command line) runs as {@link Actor#system()} unless wrapped in
 * {@link #runAs}.
 */
public final class Actors {

    private Actors() {
    }

    /** Who is acting on this thread now. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Acting acting) {
            return acting.actor();
        }
        return Actor.system();
    }

    /** Runs {@code work} with {@code actor} as the current actor, then restores what was there. */
    public static <T> T runAs(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** An authentication that only says who acts; it grants nothing. */
    private static final class ActorAuthentication extends AbstractAuthenticationToken implements Acting {

        private final Actor actor;

        ActorAuthentication(Actor actor) {
            super(List.of());
            this.actor = actor;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return this;
        }

        @Override
        public Actor actor() {
            return actor;
        }
    }
}
