package io.voltmsg.delivery;

import java.util.List;
import java.util.Optional;

/**
 * The port through which delivery reads endpoints. The webhooks package implements it, so
 * delivery never depends on webhooks.
 */
public interface Endpoints {

    /** Endpoints of the organization that should receive a new event (deleted ones excluded). */
    List<Endpoint> receiversOf(String organizationId);

    /** The endpoint, unless it was deleted. */
    Optional<Endpoint> find(String endpointId);
}
