package io.voltmsg.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which delivery reads endpoints. The webhooks package implements it, so
 * delivery never depends on webhooks.
 */
public interface Endpoints {

    /** Endpoints of the organization that should receive a new event (deleted ones excluded). */
    List<Receiver> receiversOf(String organizationId);

    /** The endpoint, unless it was deleted. */
    Optional<Endpoint> find(String endpointId);

    /** The endpoints among {@code endpointIds} that were not deleted, by id, in one lookup. */
    Map<String, Endpoint> findAll(Collection<String> endpointIds);

    /**
     * Disables an enabled endpoint with a human-readable reason (auto-disable, HTTP 410). An
     * endpoint already disabled keeps its reason. Returns whether it changed.
     */
    boolean disable(String endpointId, String reason);

    /** How many endpoints (not deleted) are disabled, for the metrics. */
    int countDisabled();
}
