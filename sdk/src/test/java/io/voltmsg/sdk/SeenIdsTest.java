package io.voltmsg.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    final TestClock clock = new TestClock(Instant.parse("2026-11-01T12:00:00Z"));

    @Test
    void anIdIsFirstOnceUntilForgotten() {
        SeenIds seen = new InMemorySeenIds(10, Duration.ofHours(1), clock);
        assertThat(seen.firstTime("evt_1")).isTrue();
        assertThat(seen.firstTime("evt_1")).isFalse();
        assertThat(seen.firstTime("evt_2")).isTrue();
        // Processing failed: forget it so voltmsg's retry is processed.
        seen.forget("evt_1");
        assertThat(seen.firstTime("evt_1")).isTrue();
        assertThat(seen.firstTime("evt_1")).isFalse();
        seen.forget("never seen");
    }

    @Test
    void theOldestIdsGoFirstWhenFull() {
        InMemorySeenIds seen = new InMemorySeenIds(3, Duration.ofHours(1), clock);
        for (String id : List.of("a", "b", "c", "d")) {
            assertThat(seen.firstTime(id)).isTrue();
        }
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.firstTime("b")).isFalse();
        assertThat(seen.firstTime("a")).as("evicted").isTrue();
    }

    @Test
    void idsExpireAfterTheirTime() {
        InMemorySeenIds seen = new InMemorySeenIds(100, Duration.ofHours(1), clock);
        seen.firstTime("early");
        clock.advance(Duration.ofMinutes(30));
        seen.firstTime("later");
        clock.advance(Duration.ofMinutes(30));
        assertThat(seen.firstTime("later")).isFalse();
        assertThat(seen.firstTime("early")).as("an hour old").isTrue();
        assertThat(seen.size()).isEqualTo(2);
    }

    @Test
    void theDefaultOutlastsVoltmsgsRetries() {
        // Retries after 5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h, each up to +20%: under 91 hours.
        Duration lastRetry = Duration.ofSeconds(5).plusMinutes(35).plusHours(75).multipliedBy(12).dividedBy(10);
        SeenIds seen = SeenIds.inMemory();
        assertThat(seen).isInstanceOf(InMemorySeenIds.class);
        InMemorySeenIds probe = new InMemorySeenIds(100_000, Duration.ofDays(4), clock);
        probe.firstTime("evt_1");
        clock.advance(lastRetry);
        assertThat(probe.firstTime("evt_1")).isFalse();
    }

    @Test
    void concurrentDuplicatesAreAdmittedOnce() throws Exception {
        InMemorySeenIds seen = new InMemorySeenIds(10_000, Duration.ofHours(1), clock);
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        if (seen.firstTime("evt_" + i)) {
                            admitted.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admitted).hasValue(1000);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> SeenIds.inMemory(0, Duration.ofHours(1))).hasMessage("maxIds must be at least 1");
        assertThatThrownBy(() -> SeenIds.inMemory(10, Duration.ZERO)).hasMessage("keepFor must be positive");
        assertThatThrownBy(() -> SeenIds.inMemory(10, null)).hasMessage("keepFor must be positive");
        assertThatThrownBy(() -> SeenIds.inMemory().firstTime(null)).isInstanceOf(NullPointerException.class);
    }
}
