package io.voltmsg.delivery;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A short-lived copy of what the dispatcher reads about endpoints, filled with one batch
 * lookup per claimed batch instead of one per delivery. Changes made on this instance
 * invalidate it at once; changes made on another instance are seen within the TTL.
 */
@Component
class EndpointCache {

    private record Entry(Endpoint endpoint, long loadedAtMillis) {
    }

    private final Endpoints endpoints;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Ages entries by the application clock, not by {@code nanoTime}: an endpoint's signing
     * secrets depend on that clock (a rotated secret's overlap ends at a clock time), so a copy
     * must not outlive a clock change by more than the TTL.
     */
    EndpointCache(Endpoints endpoints, DeliveryProperties properties, Clock clock) {
        this.endpoints = endpoints;
        this.ttlMillis = properties.endpointCacheTtl().toMillis();
        this.clock = clock;
    }

    /** The endpoints that still exist among {@code ids}; a deleted (or unknown) one is absent. */
    Map<String, Endpoint> get(Collection<String> ids) {
        long now = clock.millis();
        Map<String, Endpoint> result = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String id : ids) {
            Entry entry = entries.get(id);
            if (entry != null && now - entry.loadedAtMillis() < ttlMillis && now >= entry.loadedAtMillis()) {
                if (entry.endpoint() != null) {
                    result.put(id, entry.endpoint());
                }
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            result.putAll(load(missing));
        }
        return result;
    }

    /** Reads the endpoints now, bypassing (and refreshing) the cache. */
    Map<String, Endpoint> load(Collection<String> ids) {
        if (entries.size() > 50_000) {
            entries.clear();
        }
        long now = clock.millis();
        Map<String, Endpoint> found = endpoints.findAll(ids);
        for (String id : ids) {
            entries.put(id, new Entry(found.get(id), now));
        }
        return found;
    }

    void invalidate(String id) {
        entries.remove(id);
    }
}
