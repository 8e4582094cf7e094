package io.voltmsg.carrier;

import java.util.List;

/** How the carrier answered a submit. */
public sealed interface SubmitOutcome {

    /** Every segment was accepted; one carrier message id per segment, in segment order. */
    record Accepted(List<String> carrierMessageIds, int segments) implements SubmitOutcome {
        public Accepted {
            carrierMessageIds = List.copyOf(carrierMessageIds);
        }
    }

    /**
     * The carrier refused the message (a segment's submit_sm_resp carried an error status, e.g.
     * ESME_RSUBMITFAIL = 0x45), or it could not be encoded into a PDU. Submitting it again will not help.
     */
    record Refused(int commandStatus, String reason) implements SubmitOutcome {
    }
}
