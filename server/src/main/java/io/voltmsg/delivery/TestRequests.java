package io.voltmsg.delivery;

import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import io.voltmsg.signing.SigningRequest;
import io.voltmsg.signing.SigningService;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Sends the signed {@code webhook.test} request that registration waits on. It is not stored:
 * nothing about an endpoint exists until its test succeeds.
 */
@Service
public class TestRequests {

    private final DeliveryRepository repository;
    private final SigningService signing;
    private final WebhookHttpClient http;
    private final OutboundNetworkProperties network;
    private final Clock clock;

    TestRequests(DeliveryRepository repository, SigningService signing, WebhookHttpClient http,
                 OutboundNetworkProperties network, Clock clock) {
        this.repository = repository;
        this.signing = signing;
        this.http = http;
        this.network = network;
        this.clock = clock;
    }

    /**
     * POSTs the test event to {@code url} and waits at most the configured test timeout.
     * {@code signingSecrets} are the endpoint's {@code whsec_} secrets, newest first.
     */
    public SendOutcome send(String organizationId, URI url, List<String> signingSecrets) {
        Instant now = Times.now(clock);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("url", url.toString());
        String eventId = Ids.newId("evt", now);
        byte[] body = EventBodies.write(eventId, EventType.WEBHOOK_TEST, now, repository.nextSequence(), organizationId,
                payload);
        Map<String, String> headers = signing.headersFor(new SigningRequest(eventId, body, null, signingSecrets, now));
        return http.post(url, headers, body, network.testTimeout()).join();
    }
}
