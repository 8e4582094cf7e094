package io.voltmsg.accounts;

import java.time.Duration;

/** What a sign-in try came to. */
public sealed interface SignIn {

    /** The e-mail address and password matched. */
    record Succeeded(User user) implements SignIn {
    }

    /** They did not; which of the two is never said. */
    record Refused() implements SignIn {
    }

    /** Too many failures lately: not even checked; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignIn {
    }
}
