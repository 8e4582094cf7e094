package io.voltmsg.delivery;

import java.time.Instant;

/**
 * One HTTP attempt as the API shows it.
 *
 * @param responseBody the first 4 KiB of the response body
 * @param error        the class of failure when there was no HTTP response ({@code timeout},
 *                     {@code connection refused}, {@code address not allowed}, ...)
 * @param requestHeaders the exact request headers sent, one {@code Name: value} per line (null for
 *                       attempts made before they were recorded)
 */
public record DeliveryAttemptView(String id, String deliveryId, Instant attemptedAt, int durationMs, Integer statusCode,
                                  String responseBody, String error, String requestHeaders) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** {@code HTTP 500}, {@code timeout}, ...; null on success. */
    public String reason() {
        return succeeded() ? null : statusCode != null ? "HTTP " + statusCode : error;
    }
}
