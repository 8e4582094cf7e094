package io.voltmsg.delivery;

import java.time.Instant;

/**
 * How a webhook is doing by the delivery engine's own rules ({@code voltmsg.delivery.disable-after}).
 *
 * @param failingSince since when every attempt failed (null: the last one succeeded, or none failed)
 * @param disableAt    when the engine disables it if nothing succeeds before: at the first failed attempt
 *                     from then on; null when it is not failing
 * @param lastError    why the newest attempt failed ({@code HTTP 500}, {@code timeout}, ...)
 */
public record EndpointHealthView(Instant failingSince, Instant lastFailureAt, Instant lastSuccessAt, Instant disableAt,
                                 String disableAfter, String lastError) {

    public boolean failing() {
        return failingSince != null;
    }
}
