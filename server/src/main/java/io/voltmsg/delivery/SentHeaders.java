package io.voltmsg.delivery;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;

/**
 * The request headers of an attempt as people read them, one {@code Name: value} per line. The
 * connection adds the framing headers (Host, Content-Length) after the client's interceptors run;
 * they are written here the way the connection writes them, so the record matches the wire.
 */
final class SentHeaders {

    private SentHeaders() {
    }

    static String describe(HttpRequest request, EntityDetails entity) {
        StringBuilder out = new StringBuilder();
        if (request.getFirstHeader(HttpHeaders.HOST) == null && request.getAuthority() != null) {
            line(out, HttpHeaders.HOST, request.getAuthority().toString());
        }
        for (Header header : request.getHeaders()) {
            line(out, header.getName(), header.getValue());
        }
        if (entity != null) {
            if (request.getFirstHeader(HttpHeaders.CONTENT_TYPE) == null && entity.getContentType() != null) {
                line(out, HttpHeaders.CONTENT_TYPE, entity.getContentType());
            }
            if (request.getFirstHeader(HttpHeaders.CONTENT_LENGTH) == null && entity.getContentLength() >= 0) {
                line(out, HttpHeaders.CONTENT_LENGTH, Long.toString(entity.getContentLength()));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append('\n');
    }
}
