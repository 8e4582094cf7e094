package io.voltmsg.webhooks;

import io.voltmsg.shared.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Validation and normalization of webhook URLs: pure functions. */
final class WebhookUrls {

    static final int MAX_LENGTH = 2048;
    private static final String FIELD = "url";

    private WebhookUrls() {
    }

    /** The URL as a URI, or BAD_USER_INPUT saying what is wrong with it. */
    static URI parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badInput(FIELD, "url must not be empty");
        }
        String url = raw.strip();
        if (url.length() > MAX_LENGTH) {
            throw ApiException.badInput(FIELD, "url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badInput(FIELD, "url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.badInput(FIELD, "url must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.badInput(FIELD, "url must not contain a user name or password");
        }
        // Java leaves the host of some IPv4 spellings (127.1, 0x7f.0.0.1) unset: judge what the authority says.
        String hostProblem = io.voltmsg.delivery.HostRules.problemWithHost(
                uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority()));
        if (hostProblem != null) {
            throw ApiException.badInput(FIELD, "url: " + hostProblem);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ApiException.badInput(FIELD, "url must have a valid host name");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw ApiException.badInput(FIELD, "url port must be between 1 and 65535");
        }
        return uri;
    }

    /** The host part of an authority ({@code host:port}), or null. */
    static String hostOf(String authority) {
        if (authority == null || authority.startsWith("[")) {
            return null;
        }
        return authority.replaceFirst(":[0-9]*$", "");
    }

    /** The form two URLs are compared in: lower-case scheme and host, no default port. */
    static String normalize(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return out.toString();
    }
}
