package io.voltmsg.sdk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The server's keys, cached. Fetched on first use; fetched again only after a signature did not
 * verify, and then at most once a minute, so a key rotation is followed without letting bad
 * requests make a receiver hammer the server. A failed refetch keeps the keys it had.
 */
final class RemoteKeys {

    /** At most one refetch per this interval after a mismatch. */
    static final Duration REFETCH_INTERVAL = Duration.ofMinutes(1);
    /** While no keys were ever fetched, a new attempt after this long. */
    static final Duration RETRY_WITHOUT_KEYS = Duration.ofSeconds(5);

    private final KeyFetcher fetcher;
    private final Clock clock;
    private volatile FetchedKeys keys;
    private Instant lastAttempt;
    private Exception lastFailure;

    RemoteKeys(KeyFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    FetchedKeys current() throws WebhookVerificationException {
        FetchedKeys known = keys;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (keys == null && due(RETRY_WITHOUT_KEYS)) {
                fetch();
            }
            if (keys == null) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.KEYS_UNAVAILABLE, null,
                        "cannot fetch the webhook keys from " + fetcher.base() + ": " + lastFailure.getMessage(),
                        lastFailure);
            }
            return keys;
        }
    }

    /** After a mismatch: fetches again unless the last attempt was under a minute ago; true when new keys arrived. */
    synchronized boolean refreshAfterMismatch() {
        if (!due(REFETCH_INTERVAL)) {
            return false;
        }
        FetchedKeys before = keys;
        fetch();
        return keys != before;
    }

    String describe() {
        FetchedKeys known = keys;
        return "keys from " + fetcher.base() + (known == null ? "" : " fetched at " + known.fetchedAt());
    }

    private boolean due(Duration interval) {
        return lastAttempt == null || !clock.instant().isBefore(lastAttempt.plus(interval));
    }

    private void fetch() {
        lastAttempt = clock.instant();
        try {
            keys = fetcher.fetch();
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            lastFailure = e;
        }
    }
}
