package io.voltmsg.sdk.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** POSTs a webhook request to a receiver on loopback, as voltmsg would: JSON body, the given headers. */
public final class WebhookPost {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WebhookPost() {
    }

    public static HttpResponse<String> post(URI receiver, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
