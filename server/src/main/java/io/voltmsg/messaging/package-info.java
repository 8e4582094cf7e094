/**
 * Messages and contacts: the status state machine ({@link io.voltmsg.messaging.Lifecycle}), durable sending
 * through the carrier port ({@code MessageSender}), receipts and inbound messages ({@code CarrierEvents}), and
 * the message events, each published in the transaction of the status change that caused it.
 *
 * <p>Uses {@code accounts}, {@code carrier}, {@code delivery} and {@code shared} only.
 */
package io.voltmsg.messaging;
