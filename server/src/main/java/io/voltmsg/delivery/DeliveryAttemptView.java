package io.voltmsg.delivery;

import java.time.Instant;

/**
 * One HTTP attempt as the API shows it.
 *
 * @param responseBody the first 4 KiB of the response body
 * @param error        the class of failure when there was no HTTP response ({@code timeout},
 *                     {@code connection refused}, {@code address not allowed}, ...)
 */
public record DeliveryAttemptView(String id, String deliveryId, Instant attemptedAt, int durationMs, Integer statusCode,
                                  String responseBody, String error) {
}
