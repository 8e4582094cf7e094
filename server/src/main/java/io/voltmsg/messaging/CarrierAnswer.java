package io.voltmsg.messaging;

import java.time.Instant;

/**
 * One answer of the carrier about a message.
 *
 * @param kind          {@link #SUBMIT_RESP} (a segment's submit_sm_resp), {@link #NO_ANSWER} (the link dropped before
 *                      one came; the message is submitted again) or {@link #RECEIPT} (a delivery receipt)
 * @param segmentIndex  the segment (0-based); null when the carrier's answer was about the whole message
 * @param commandStatus submit_sm_resp's command_status (0 = accepted); null for receipts
 * @param stat          a receipt's {@code stat:} (DELIVRD, UNDELIV, ...); null otherwise
 * @param err           a receipt's {@code err:}; null otherwise
 * @param detail        what else was said (a refusal's reason)
 */
public record CarrierAnswer(String id, String messageId, Integer segmentIndex, String kind, String carrierMessageId,
                            Integer commandStatus, String stat, String err, String detail, Instant answeredAt) {

    public static final String SUBMIT_RESP = "submit_sm_resp";
    public static final String NO_ANSWER = "no_answer";
    public static final String RECEIPT = "receipt";
}
