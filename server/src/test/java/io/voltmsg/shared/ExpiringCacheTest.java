package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    @Test
    void keepsAValueWithinItsTimeToLiveNullsIncluded() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 10);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("k", k -> {
            loads.incrementAndGet();
            return null;
        })).isNull();
        assertThat(cache.get("k", k -> "loaded again")).isNull();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ZERO, 10);
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", k -> loads.incrementAndGet());
        assertThat(cache.get("k", k -> loads.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void anExpiredValueIsLoadedAgain() throws InterruptedException {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofMillis(20), 10);
        cache.get("k", k -> 1);
        Thread.sleep(40);
        assertThat(cache.get("k", k -> 2)).isEqualTo(2);
    }

    @Test
    void forgetAndClearMakeTheNextGetLoad() {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofMinutes(1), 10);
        cache.get("a", k -> 1);
        cache.get("b", k -> 1);
        cache.forget("a");
        assertThat(cache.get("a", k -> 2)).isEqualTo(2);
        assertThat(cache.get("b", k -> 2)).isEqualTo(1);
        cache.clear();
        assertThat(cache.get("b", k -> 3)).isEqualTo(3);
    }

    @Test
    void aLoadThatOverlapsAChangeIsNotKept() {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofMinutes(1), 10);
        // The loader read the old rows; the change (and its clear) happened before the load returned.
        assertThat(cache.get("k", k -> {
            cache.clear();
            return 1;
        })).isEqualTo(1);
        assertThat(cache.get("k", k -> 2)).as("the old value was not kept").isEqualTo(2);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        ExpiringCache<Integer, Integer> cache = new ExpiringCache<>(Duration.ofMinutes(1), 3);
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> k);
        }
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> loads.incrementAndGet());
        }
        assertThat(loads.get()).isGreaterThanOrEqualTo(7);
    }
}
