package io.voltmsg.carrier.smpp;

import io.voltmsg.carrier.smpp.ConcatReassembler.Part;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ConcatReassemblerTest {

    private static final long SECOND = 1_000_000_000L;
    private final ConcatReassembler reassembler = new ConcatReassembler(Duration.ofSeconds(60));

    private static Part part(int ref, boolean sixteen, int total, int seq, String text) {
        return new Part("+1555000", "+1555999", ref, sixteen, total, seq, text);
    }

    @Test
    void joinsPartsInSequenceOrderWhateverTheArrivalOrder() {
        assertThat(reassembler.accept(part(7, false, 3, 3, "C"), 0)).isEmpty();
        assertThat(reassembler.accept(part(7, false, 3, 1, "A"), 1)).isEmpty();
        var whole = reassembler.accept(part(7, false, 3, 2, "B"), 2).orElseThrow();
        assertThat(whole.text()).isEqualTo("ABC");
        assertThat(whole.segments()).isEqualTo(3);
        reassembler.remove(whole.key(), 3);
        assertThat(reassembler.pending()).isZero();
    }

    @Test
    void duplicatesAreIgnored() {
        reassembler.accept(part(1, false, 2, 1, "A"), 0);
        assertThat(reassembler.accept(part(1, false, 2, 1, "A-again"), 0)).isEmpty();
        assertThat(reassembler.accept(part(1, false, 2, 2, "B"), 0).orElseThrow().text()).isEqualTo("AB");
    }

    @Test
    void aPartResentAfterTheMessageWasHandedOnIsIgnoredForOneTimeout() {
        reassembler.accept(part(3, false, 2, 1, "A"), 0);
        var whole = reassembler.accept(part(3, false, 2, 2, "B"), 0).orElseThrow();
        reassembler.remove(whole.key(), SECOND);
        assertThat(reassembler.accept(part(3, false, 2, 2, "B"), 2 * SECOND)).isEmpty();
        assertThat(reassembler.pending()).isZero();
        assertThat(reassembler.expired(100 * SECOND)).isEmpty();
        // after the timeout the reference may be reused by a new message
        reassembler.accept(part(3, false, 2, 1, "C"), 101 * SECOND);
        assertThat(reassembler.accept(part(3, false, 2, 2, "D"), 101 * SECOND).orElseThrow().text()).isEqualTo("CD");
    }

    @Test
    void referencesOfDifferentKindsOrPeersDoNotMix() {
        reassembler.accept(part(5, false, 2, 1, "8bit-"), 0);
        reassembler.accept(part(5, true, 2, 1, "16bit-"), 0);
        reassembler.accept(new Part("+other", "+1555999", 5, false, 2, 1, "other-"), 0);
        assertThat(reassembler.pending()).isEqualTo(3);
        assertThat(reassembler.accept(part(5, true, 2, 2, "end"), 0).orElseThrow().text()).isEqualTo("16bit-end");
    }

    @Test
    void afterTheTimeoutThePartsSoFarAreOfferedInOrder() {
        reassembler.accept(part(9, false, 4, 3, "C"), 0);
        reassembler.accept(part(9, false, 4, 1, "A"), 10 * SECOND);
        assertThat(reassembler.expired(59 * SECOND)).isEmpty();
        var partial = reassembler.expired(60 * SECOND);
        assertThat(partial).hasSize(1);
        assertThat(partial.get(0).text()).isEqualTo("AC");
        assertThat(partial.get(0).segments()).isEqualTo(2);
        // while it is with the listener it is not offered twice; if the listener refuses, it is offered again
        assertThat(reassembler.expired(61 * SECOND)).isEmpty();
        reassembler.release(partial.get(0).key());
        assertThat(reassembler.expired(61 * SECOND)).hasSize(1);
        reassembler.remove(partial.get(0).key(), 61 * SECOND);
        assertThat(reassembler.expired(62 * SECOND)).isEmpty();
    }

    @Test
    void aCompleteMessageIsHandedOnOnceEvenWhenDuplicatesArriveBeforeItIsRemoved() {
        reassembler.accept(part(3, false, 2, 2, "two"), 0);
        assertThat(reassembler.accept(part(3, false, 2, 1, "one-"), 0)).isPresent();
        // another thread's copy of part 2, handled before the first thread called remove()
        assertThat(reassembler.accept(part(3, false, 2, 2, "two"), 0)).isEmpty();
        reassembler.release(part(3, false, 2, 2, "two").key());
        assertThat(reassembler.accept(part(3, false, 2, 2, "two"), 0)).isPresent();
    }
}
