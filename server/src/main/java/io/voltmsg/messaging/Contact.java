package io.voltmsg.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A handset as seen from one of the organization's numbers ({@code mappedNumber}, the {@code accountPhone} it
 * was created with). Blocked contacts get no messages from that number.
 */
public record Contact(String id, String organizationId, String phoneNumber, String name, String mappedNumber,
                      Instant createdAt, Instant lastUpdatedAt, boolean blocked, List<CustomField> customFields) {

    /** A free key/value pair kept with a contact. */
    public record CustomField(String key, String value) {
    }
}
