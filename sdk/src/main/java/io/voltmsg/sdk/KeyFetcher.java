package io.voltmsg.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fetches a voltmsg server's public keys: {@code GET /id_rsa.pub}, {@code GET /id_rsa.next.pub}
 * (404 outside an RSA rotation, which is normal) and {@code GET /.well-known/webhook-keys}.
 * No redirects are followed; each document may be at most 64 KiB.
 */
final class KeyFetcher {

    static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String base;
    private final HttpClient http;
    private final Clock clock;

    KeyFetcher(URI baseUri, HttpClient http, Clock clock) {
        this.base = checkedBase(baseUri);
        this.http = http;
        this.clock = clock;
    }

    /** The base URI without a trailing slash; only absolute http(s) URIs without query or fragment. */
    static String checkedBase(URI baseUri) {
        if (baseUri == null) {
            throw new IllegalArgumentException("the voltmsg base URI is null");
        }
        String scheme = baseUri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || baseUri.getHost() == null) {
            throw new IllegalArgumentException("the voltmsg base URI must be an absolute http or https URI, like "
                    + "https://voltmsg.example.com");
        }
        if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null || baseUri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the voltmsg base URI must have no user info, query or fragment");
        }
        String text = baseUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    String base() {
        return base;
    }

    FetchedKeys fetch() throws IOException {
        List<PublicKey> rsa = new ArrayList<>();
        rsa.add(parse("/id_rsa.pub", get("/id_rsa.pub", false), PublicKeys::rsaFromPem));
        String next = get("/id_rsa.next.pub", true);
        if (next != null) {
            rsa.add(parse("/id_rsa.next.pub", next, PublicKeys::rsaFromPem));
        }
        List<PublicKey> ed25519 = ed25519Keys(get("/.well-known/webhook-keys", false));
        return new FetchedKeys(rsa, ed25519, clock.instant());
    }

    /** The Ed25519 keys of a {@code /.well-known/webhook-keys} document ({@code {"keys":[{"alg","whpk","pem",…}]}}). */
    static List<PublicKey> ed25519Keys(String document) throws IOException {
        Object parsed;
        try {
            parsed = KeysDocumentJson.parse(document);
        } catch (IllegalArgumentException e) {
            throw new IOException("/.well-known/webhook-keys is " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("keys") instanceof List<?> keys)) {
            throw new IOException("/.well-known/webhook-keys has no \"keys\" array");
        }
        List<PublicKey> out = new ArrayList<>();
        for (Object entry : keys) {
            if (!(entry instanceof Map<?, ?> key) || !"Ed25519".equals(key.get("alg"))) {
                continue; // another algorithm: not ours to check
            }
            Object encoded = key.get("whpk") instanceof String whpk ? whpk : key.get("pem");
            if (!(encoded instanceof String text)) {
                throw new IOException("/.well-known/webhook-keys lists an Ed25519 key with neither whpk nor pem");
            }
            out.add(parse("/.well-known/webhook-keys", text, PublicKeys::ed25519));
        }
        if (out.isEmpty()) {
            throw new IOException("/.well-known/webhook-keys lists no Ed25519 key");
        }
        return out;
    }

    private interface KeyParser {
        PublicKey parse(String text);
    }

    private static PublicKey parse(String path, String text, KeyParser parser) throws IOException {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage());
        }
    }

    /** The body of a 200 answer; null for a 404 when {@code absentIsNormal}; anything else fails. */
    private String get(String path, boolean absentIsNormal) throws IOException {
        URI uri = URI.create(base + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri);
        } catch (IOException e) {
            throw new IOException("GET " + uri + " failed: " + e, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 && absentIsNormal) {
                return null;
            }
            if (status != 200) {
                throw new IOException("GET " + uri + " answered HTTP " + status);
            }
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new IOException("GET " + uri + " answered more than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
