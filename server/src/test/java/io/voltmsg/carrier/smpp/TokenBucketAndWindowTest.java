package io.voltmsg.carrier.smpp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketAndWindowTest {

    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void burstOfOneSecondThenSteadyRate() {
        TokenBucket bucket = new TokenBucket(50, clock::get);
        for (int i = 0; i < 50; i++) {
            assertThat(bucket.tryAcquire()).as("token %d", i).isTrue();
        }
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.nanosUntilNextToken()).isEqualTo(20_000_000L); // 1/50 s
        clock.addAndGet(10_000_000L);
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.nanosUntilNextToken()).isEqualTo(10_000_000L);
        clock.addAndGet(10_000_000L);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
    }

    @Test
    void neverStoresMoreThanOneSecond() {
        TokenBucket bucket = new TokenBucket(5, clock::get);
        clock.addAndGet(3_600_000_000_000L);
        int granted = 0;
        while (bucket.tryAcquire()) {
            granted++;
        }
        assertThat(granted).isEqualTo(5);
    }

    @Test
    void zeroMeansUnlimited() {
        TokenBucket bucket = new TokenBucket(0, clock::get);
        for (int i = 0; i < 100_000; i++) {
            assertThat(bucket.tryAcquire()).isTrue();
        }
        assertThat(bucket.nanosUntilNextToken()).isZero();
    }

    @Test
    void windowCountsUnacknowledgedPdus() {
        SubmitWindow window = new SubmitWindow(2);
        assertThat(window.tryAcquire()).isTrue();
        assertThat(window.tryAcquire()).isTrue();
        assertThat(window.tryAcquire()).isFalse();
        assertThat(window.inFlight()).isEqualTo(2);
        window.release();
        assertThat(window.inFlight()).isEqualTo(1);
        assertThat(window.tryAcquire()).isTrue();
        assertThatThrownBy(() -> new SubmitWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
