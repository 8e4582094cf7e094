package io.voltmsg.delivery;

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

    private record Entry(Endpoint endpoint, long loadedAtNanos) {
    }

    private final Endpoints endpoints;
    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    EndpointCache(Endpoints endpoints, DeliveryProperties properties) {
        this.endpoints = endpoints;
        this.ttlNanos = properties.endpointCacheTtl().toNanos();
    }

    /** The endpoints that still exist among {@code ids}; a deleted (or unknown) one is absent. */
    Map<String, Endpoint> get(Collection<String> ids) {
        long now = System.nanoTime();
        Map<String, Endpoint> result = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String id : ids) {
            Entry entry = entries.get(id);
            if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
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
        long now = System.nanoTime();
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
