package io.voltmsg.carrier.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.carrier.smpp.InboundParts.Assembled;
import io.voltmsg.carrier.smpp.InboundParts.Part;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InboundParts} does; run against each implementation. */
abstract class InboundPartsContract {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A store with the given timeout, empty as far as this test's numbers go. */
    abstract InboundParts parts();

    String from;
    final List<Assembled> handedOn = new ArrayList<>();
    /** Keeps what this test's sender sent: a database store may also hold other tests' messages. */
    final Consumer<Assembled> collect = whole -> {
        if (whole.from().equals(this.from)) {
            handedOn.add(whole);
        }
    };

    @BeforeEach
    void freshSender() {
        from = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    Part part(int ref, boolean sixteen, int total, int seq, String text) {
        return new Part(from, "+15550199999", ref, sixteen, total, seq, text);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void joinsPartsInSequenceOrderWhateverTheArrivalOrder() {
        InboundParts parts = parts();
        parts.accept(part(7, false, 3, 3, "C"), at(0), collect);
        parts.accept(part(7, false, 3, 1, "A"), at(1), collect);
        assertThat(handedOn).isEmpty();
        parts.accept(part(7, false, 3, 2, "B"), at(2), collect);
        assertThat(handedOn).singleElement().satisfies(whole -> {
            assertThat(whole.text()).isEqualTo("ABC");
            assertThat(whole.segments()).isEqualTo(3);
            assertThat(whole.from()).isEqualTo(from);
            assertThat(whole.firstPartAt()).isEqualTo(at(0));
        });
        parts.expire(at(200), collect);
        assertThat(handedOn).hasSize(1);
    }

    @Test
    void duplicatesAreIgnored() {
        InboundParts parts = parts();
        parts.accept(part(1, false, 2, 1, "A"), at(0), collect);
        parts.accept(part(1, false, 2, 1, "A-again"), at(0), collect);
        parts.accept(part(1, false, 2, 2, "B"), at(0), collect);
        assertThat(handedOn).extracting(Assembled::text).containsExactly("AB");
    }

    @Test
    void aPartResentAfterItsMessageWasHandedOnIsIgnoredForOneTimeoutThenTheReferenceMayBeReused() {
        InboundParts parts = parts();
        parts.accept(part(3, false, 2, 1, "A"), at(0), collect);
        parts.accept(part(3, false, 2, 2, "B"), at(1), collect);
        parts.accept(part(3, false, 2, 2, "B"), at(2), collect);
        parts.expire(at(50), collect);
        assertThat(handedOn).extracting(Assembled::text).containsExactly("AB");
        parts.accept(part(3, false, 2, 1, "C"), at(101), collect);
        parts.accept(part(3, false, 2, 2, "D"), at(102), collect);
        assertThat(handedOn).extracting(Assembled::text).containsExactly("AB", "CD");
    }

    @Test
    void referencesOfDifferentKindsOrPeersDoNotMix() {
        InboundParts parts = parts();
        parts.accept(part(5, false, 2, 1, "8bit-"), at(0), collect);
        parts.accept(part(5, true, 2, 1, "16bit-"), at(0), collect);
        parts.accept(new Part(from, "+15550188888", 5, false, 2, 1, "other-"), at(0), collect);
        parts.accept(part(5, true, 2, 2, "end"), at(0), collect);
        assertThat(handedOn).extracting(Assembled::text).containsExactly("16bit-end");
    }

    @Test
    void afterTheTimeoutThePartsSoFarAreHandedOnInOrderOnce() {
        InboundParts parts = parts();
        parts.accept(part(9, false, 4, 3, "C"), at(0), collect);
        parts.accept(part(9, false, 4, 1, "A"), at(10), collect);
        parts.expire(at(59), collect);
        assertThat(handedOn).isEmpty();
        parts.expire(at(60), collect);
        assertThat(handedOn).singleElement().satisfies(partial -> {
            assertThat(partial.text()).isEqualTo("AC");
            assertThat(partial.segments()).isEqualTo(2);
        });
        parts.expire(at(61), collect);
        parts.accept(part(9, false, 4, 2, "B"), at(62), collect); // a straggler: its message was handed on
        parts.expire(at(130), collect);
        assertThat(handedOn).hasSize(1);
    }

    @Test
    void anExpiredMessageWhoseHandingOnFailedIsOfferedAgain() {
        InboundParts parts = parts();
        parts.accept(part(4, false, 2, 1, "A"), at(0), collect);
        try {
            parts.expire(at(60), failing());
        } catch (IllegalStateException expected) {
            // the memory store passes the failure on; the database one logs it
        }
        assertThat(handedOn).isEmpty();
        parts.expire(at(61), collect);
        assertThat(handedOn).extracting(Assembled::text).containsExactly("A");
    }

    @Test
    void aPartWhoseMessageCouldNotBeHandedOnIsNotKept() {
        InboundParts parts = parts();
        parts.accept(part(2, false, 2, 1, "A"), at(0), collect);
        assertThatThrownBy(() -> parts.accept(part(2, false, 2, 2, "B"), at(1), failing())).hasMessage("listener down");
        assertThat(handedOn).isEmpty();
        // the carrier delivers the part again
        parts.accept(part(2, false, 2, 2, "B"), at(2), collect);
        assertThat(handedOn).extracting(Assembled::text).containsExactly("AB");
    }

    static Consumer<Assembled> failing() {
        return whole -> {
            throw new IllegalStateException("listener down");
        };
    }
}
