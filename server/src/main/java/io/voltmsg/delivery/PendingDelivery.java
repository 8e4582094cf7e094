package io.voltmsg.delivery;

import io.voltmsg.signing.BodySignature;
import java.time.Instant;

/** A claimed delivery with what sending it needs. */
record PendingDelivery(String id, String eventId, String endpointId, int attempts, byte[] body,
                       BodySignature signature, Instant eventCreatedAt) {
}
