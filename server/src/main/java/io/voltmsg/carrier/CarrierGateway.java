package io.voltmsg.carrier;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The port through which messages leave for a carrier.
 *
 * <p>{@link #submit} never blocks: the message is encoded, split into segments and queued behind the
 * SMPP window (max unacknowledged submit_sm) and the throughput limit. The future completes with
 * {@link SubmitOutcome.Accepted} once every segment was acknowledged, with {@link SubmitOutcome.Refused}
 * when the carrier refused a segment, or exceptionally with {@link CarrierUnavailableException} when the
 * link is down or dropped before the response came. In that last case the carrier may or may not have
 * accepted the message: the caller keeps it queued and submits it again after
 * {@link CarrierListener#onBound()} (the one at-least-once window). For a long message this also covers a
 * link that dropped after some segments were accepted: the whole message is submitted again.
 */
public interface CarrierGateway {

    CompletableFuture<SubmitOutcome> submit(OutboundSms sms);

    /** True while the link to the carrier is bound and submits can be attempted. */
    boolean isBound();

    /** The longest a submitted segment waits for the carrier's answer before the submit fails. */
    Duration answerTimeout();
}
