package io.voltmsg.accounts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each token was last used. Requests only note it in memory; a background task writes the
 * newest use of each token once a minute, so each token's row is written at most once a minute and an API
 * request never waits on this write. A crash loses at most the last minute of "last used", which only a
 * list shows.
 */
@Component
class TokenUsage {

    private static final Logger log = LoggerFactory.getLogger(TokenUsage.class);

    private final AccountRepository repository;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    TokenUsage(AccountRepository repository) {
        this.repository = repository;
    }

    void used(String tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(fixedDelayString = "${voltmsg.accounts.token-usage-flush:60s}")
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        try {
            repository.recordUse(batch);
        } catch (RuntimeException e) {
            log.warn("Recording when {} tokens were last used failed; will retry: {}", batch.size(), e.toString());
            batch.forEach(this::used);
        }
    }

    /** The newest use not yet written, so lists are right before the next flush. */
    Instant pendingUse(String tokenId) {
        return pending.get(tokenId);
    }

    static Instant newer(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
