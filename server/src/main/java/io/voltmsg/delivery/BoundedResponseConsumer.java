package io.voltmsg.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Keeps the status, Retry-After and the first {@link #KEPT_BYTES} bytes of a response body.
 * The rest is read and dropped so the connection can be reused, up to {@link #MAX_DISCARDED}
 * bytes: an endpoint streaming an endless body is cut off instead of holding a slot.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<BoundedResponseConsumer.Result> {

    static final int KEPT_BYTES = 4096;
    static final int MAX_DISCARDED = 1 << 20;

    record Result(int statusCode, String body, String retryAfter) {
    }

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile Integer statusCode;
    private volatile String retryAfter;
    private long discarded;

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        statusCode = response.getCode();
        Header header = response.getFirstHeader("Retry-After");
        retryAfter = header == null ? null : header.getValue();
    }

    @Override
    protected int capacityIncrement() {
        return 8192;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int room = KEPT_BYTES - kept.size();
        int take = Math.min(room, src.remaining());
        if (take > 0) {
            byte[] chunk = new byte[take];
            src.get(chunk);
            kept.write(chunk);
        }
        discarded += src.remaining();
        src.position(src.limit());
        if (discarded > MAX_DISCARDED) {
            throw new ResponseTooLargeException();
        }
    }

    @Override
    protected Result buildResult() {
        return snapshot();
    }

    /** What arrived so far; used as the outcome when an oversized body was cut off. */
    Result snapshot() {
        return new Result(statusCode == null ? 0 : statusCode, kept.toString(StandardCharsets.UTF_8), retryAfter);
    }

    boolean hasStatus() {
        return statusCode != null;
    }

    @Override
    public void releaseResources() {
    }

    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException() {
            super("response body too large");
        }
    }
}
