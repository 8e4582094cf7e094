package io.voltmsg.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lookups of the hot path kept for a short time: what this instance changes it forgets at once ({@link #forget},
 * {@link #clear}), what another instance sharing the database changes is seen within the time to live. Values may be
 * null (a lookup that found nothing is kept too). It never holds more than its capacity: when full it starts over.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long loadedAtNanos) {
    }

    private final long ttlNanos;
    private final int capacity;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Moves on every forget, so a load that began before a change is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    public ExpiringCache(Duration ttl, int capacity) {
        if (ttl.isNegative() || capacity < 1) {
            throw new IllegalArgumentException("the time to live must not be negative and the capacity at least 1");
        }
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
    }

    /** The kept value while it is fresh, else the loader's, which is kept. */
    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
            return entry.value();
        }
        long loadedIn = generation.get();
        V value = loader.apply(key);
        if (ttlNanos > 0 && generation.get() == loadedIn) {
            if (entries.size() >= capacity) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    public void forget(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /**
     * Clears now and again once the caller's transaction committed (if there is one): a reader that loaded the old
     * rows meanwhile does not keep them.
     */
    public void clearAfterCommit() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }
}
