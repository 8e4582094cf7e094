package io.voltmsg.delivery;

/**
 * The result of one HTTP attempt: a status code and the start of the body, or a failure
 * named the way users read it ({@code timeout}, {@code connection refused}, ...).
 */
public record SendOutcome(Integer statusCode, String responseBody, long durationMillis, String failure,
                          String retryAfter, String requestHeaders) {

    static SendOutcome response(int statusCode, String body, long durationMillis, String retryAfter) {
        return new SendOutcome(statusCode, body, durationMillis, null, retryAfter, null);
    }

    static SendOutcome failed(String failure, long durationMillis) {
        return new SendOutcome(null, null, durationMillis, failure, null, null);
    }

    /** The same outcome, with the request headers as they were sent ({@code Name: value} lines). */
    SendOutcome withRequestHeaders(String headers) {
        return new SendOutcome(statusCode, responseBody, durationMillis, failure, retryAfter, headers);
    }

    public boolean isSuccess() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** Why the attempt did not succeed, e.g. {@code HTTP 500} or {@code timeout}; null on success. */
    public String reason() {
        if (isSuccess()) {
            return null;
        }
        return statusCode != null ? "HTTP " + statusCode : failure;
    }
}
