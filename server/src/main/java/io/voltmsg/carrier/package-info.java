/**
 * The carrier feature: how messages reach handsets and how receipts and replies come back.
 *
 * <p>Public face (the only types other features use):
 * <ul>
 *   <li>{@link io.voltmsg.carrier.CarrierGateway} — submit an {@link io.voltmsg.carrier.OutboundSms}, get a
 *       {@link io.voltmsg.carrier.SubmitOutcome} or a {@link io.voltmsg.carrier.CarrierUnavailableException};</li>
 *   <li>{@link io.voltmsg.carrier.CarrierListener} — implemented by messaging: link bound, receipts
 *       ({@link io.voltmsg.carrier.DeliveryReceipt}), inbound messages ({@link io.voltmsg.carrier.InboundSms});</li>
 *   <li>{@link io.voltmsg.carrier.CarrierSimulator} — present only while the embedded SMSC is enabled.</li>
 * </ul>
 *
 * <p>{@code carrier.smpp} is the SMPP 3.4 client (jsmpp), {@code carrier.sim} the embedded SMSC simulator,
 * which by default listens on 127.0.0.1:2775 and answers by destination number:
 *
 * <table>
 *   <caption>Simulator magic numbers</caption>
 *   <tr><th>to</th><th>outcome</th></tr>
 *   <tr><td>+15005550001</td><td>accepted, then an UNDELIV receipt (err 001)</td></tr>
 *   <tr><td>+15005550002</td><td>submit refused with ESME_RSUBMITFAIL (0x45)</td></tr>
 *   <tr><td>+15005550003</td><td>accepted, never a receipt</td></tr>
 *   <tr><td>any other</td><td>accepted, DELIVRD receipt after voltmsg.carrier.simulator.receipt-delay (200 ms)</td></tr>
 * </table>
 *
 * <p>This package imports no other feature package.
 */
package io.voltmsg.carrier;
