package io.voltmsg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DatabaseAvailabilityTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final DatabaseAvailability database = new DatabaseAvailability(Duration.ofSeconds(1), now::get);

    @Test
    void afterAFailureRequestsAreRefusedForASecondThenOneMayTryAgain() {
        assertThat(database.knownUnavailable()).isFalse();
        database.failed();
        assertThat(database.knownUnavailable()).isTrue();
        now.addAndGet(999_000_000L);
        assertThat(database.knownUnavailable()).isTrue();
        now.addAndGet(1_000_000L);
        assertThat(database.knownUnavailable()).as("a second later, a request tries the database").isFalse();
        database.failed(); // it was still down
        assertThat(database.knownUnavailable()).isTrue();
    }

    @Test
    void theFirstServedRequestEndsTheRefusals() {
        database.failed();
        database.served();
        assertThat(database.knownUnavailable()).isFalse();
    }
}
