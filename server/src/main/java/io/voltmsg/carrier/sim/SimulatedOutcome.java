package io.voltmsg.carrier.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What the simulator does with a submit_sm, decided by the whole destination number (with or without '+').
 *
 * <table>
 *   <caption>Magic destination numbers</caption>
 *   <tr><th>destination</th><th>submit_sm_resp</th><th>delivery receipt</th></tr>
 *   <tr><td>+15005550001</td><td>OK, message id</td><td>stat:UNDELIV err:001 (message_state 5) after the receipt delay</td></tr>
 *   <tr><td>+15005550002</td><td>ESME_RSUBMITFAIL (0x45)</td><td>none</td></tr>
 *   <tr><td>+15005550003</td><td>OK, message id</td><td>never</td></tr>
 *   <tr><td>any other</td><td>OK, message id</td><td>stat:DELIVRD err:000 (message_state 2) after the receipt delay</td></tr>
 * </table>
 */
enum SimulatedOutcome {
    DELIVERED("DELIVRD", (byte) 2, "000"),
    UNDELIVERABLE("UNDELIV", (byte) 5, "001"),
    REFUSED(null, (byte) 0, null),
    NO_RECEIPT(null, (byte) 0, null);

    static final String UNDELIVERABLE_NUMBER = "+15005550001";
    static final String REFUSED_NUMBER = "+15005550002";
    static final String NO_RECEIPT_NUMBER = "+15005550003";

    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    final String stat;
    final byte messageState;
    final String err;

    SimulatedOutcome(String stat, byte messageState, String err) {
        this.stat = stat;
        this.messageState = messageState;
        this.err = err;
    }

    static SimulatedOutcome forDestination(String destination) {
        String number = destination == null ? "" : destination.startsWith("+") ? destination : "+" + destination;
        return switch (number) {
            case UNDELIVERABLE_NUMBER -> UNDELIVERABLE;
            case REFUSED_NUMBER -> REFUSED;
            case NO_RECEIPT_NUMBER -> NO_RECEIPT;
            default -> DELIVERED;
        };
    }

    /** The SMPP 3.4 appendix B receipt text; {@code text:} holds the first 20 characters of the original. */
    String receiptText(String messageId, Instant submitted, Instant done, String originalText) {
        String start = originalText.length() > 20 ? originalText.substring(0, 20) : originalText;
        return "id:" + messageId + " sub:001 dlvrd:" + (this == DELIVERED ? "001" : "000")
                + " submit date:" + RECEIPT_DATE.format(submitted) + " done date:" + RECEIPT_DATE.format(done)
                + " stat:" + stat + " err:" + err + " text:" + start;
    }
}
