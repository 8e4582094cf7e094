package io.voltmsg.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small least-recently-used map for values that can always be computed again, so losing an
 * entry only costs time. It never holds more than its capacity, whatever keys callers send.
 */
public final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The kept value, or a freshly computed one, which is kept. */
    public V get(K key, Function<K, V> compute) {
        return get(key, compute, value -> true);
    }

    /** The kept value, or a freshly computed one, kept only when {@code worthKeeping} says so. */
    public V get(K key, Function<K, V> compute, Predicate<? super V> worthKeeping) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        // Computed outside the lock: two threads may both compute once, which is harmless.
        V value = compute.apply(key);
        if (worthKeeping.test(value)) {
            synchronized (entries) {
                entries.put(key, value);
            }
        }
        return value;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
