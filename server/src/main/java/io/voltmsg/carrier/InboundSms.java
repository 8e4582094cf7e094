package io.voltmsg.carrier;

import java.time.Instant;

/**
 * A mobile-originated message.
 *
 * @param from       sender, E.164 with '+' when the carrier marked it international
 * @param to         our number it was sent to, E.164 with '+' when marked international
 * @param text       the body, reassembled from all segments received
 * @param receivedAt when the first segment arrived
 * @param segments   how many segments it was assembled from (fewer than announced after a reassembly timeout)
 */
public record InboundSms(String from, String to, String text, Instant receivedAt, int segments) {
}
