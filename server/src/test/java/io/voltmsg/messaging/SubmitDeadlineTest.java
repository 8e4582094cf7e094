package io.voltmsg.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubmitDeadlineTest {

    @Test
    void aClaimedMessageGoesOutOnlyWhileItsAnswerCanStillBeRecordedUnderTheClaim() {
        Instant leaseUntil = Instant.parse("2026-12-01T10:01:00Z");
        assertThat(MessageSender.submitDeadline(leaseUntil, Duration.ofSeconds(10)))
                .isEqualTo(Instant.parse("2026-12-01T10:00:45Z")); // 10 s for the answer, 5 s to record it
    }
}
