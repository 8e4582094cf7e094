package io.voltmsg.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.sdk.testing.VectorSigner;
import io.voltmsg.sdk.testing.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tests' signer reproduces every committed vector byte for byte, so requests it makes are what voltmsg sends. */
class VectorSignerTest {

    static Stream<Vectors.Case> cases() {
        return Vectors.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signsExactlyAsTheVectors(Vectors.Case c) {
        boolean rotating = c.expectedHeaders().containsKey("X-Respond-Flow-Signature-Next");
        String current = rotating || c.rsaKeyIds().size() == 1 ? c.rsaKeyIds().get(0) : c.rsaKeyIds().get(1);
        String next = rotating ? c.rsaKeyIds().get(1) : null;
        assertThat(VectorSigner.sign(c.eventId(), c.timestamp(), c.body(), c.secrets(), current, next))
                .containsExactlyEntriesOf(c.expectedHeaders());
    }
}
