package io.voltmsg.delivery;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one hardened HTTP client every webhook request goes through: SSRF-checked resolution at
 * connect time, no redirects, no automatic retries, no cookies, bounded response bodies and
 * firm timeouts. Failures come back as outcomes named for users, never as exceptions.
 */
final class WebhookHttpClient implements AutoCloseable {

    /** Plain {@code application/json}: JSON is UTF-8 by definition, a charset parameter adds nothing. */
    private static final ContentType JSON = ContentType.create("application/json", (java.nio.charset.Charset) null);
    private static final String SENT_HEADERS = "voltmsg.sent-headers";

    private final CloseableHttpAsyncClient client;
    /**
     * One timer thread for every request's overall deadline. (CompletableFuture's delayed
     * executor hands each expiry to the common pool, which on a 2-core machine means a new
     * thread per request.) Removing cancelled deadlines keeps the queue as small as the
     * number of requests in flight.
     */
    private final ScheduledThreadPoolExecutor timer;

    WebhookHttpClient(AddressPolicy policy, Duration connectTimeout, String userAgent) {
        this(policy, connectTimeout, userAgent, 10);
    }

    /**
     * @param maxConnections most connections open at once, also to one host: the dispatcher
     *                       limits requests per endpoint itself, and many endpoints may share a host
     */
    WebhookHttpClient(AddressPolicy policy, Duration connectTimeout, String userAgent, int maxConnections) {
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(policy))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setMaxConnTotal(Math.max(maxConnections, 10))
                .setMaxConnPerRoute(Math.max(maxConnections, 10))
                .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(Timeout.ofMinutes(1)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(userAgent)
                // Last, after the client's own headers: what is recorded is what goes out.
                .addRequestInterceptorLast((request, entity, context) ->
                        context.setAttribute(SENT_HEADERS, SentHeaders.describe(request, entity)))
                .build();
        this.client.start();
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** POSTs a JSON body; the future always completes normally, within {@code timeout} plus a little. */
    CompletableFuture<SendOutcome> post(URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        long started = System.nanoTime();
        CompletableFuture<SendOutcome> result = new CompletableFuture<>();
        AsyncRequestBuilder request = AsyncRequestBuilder.post(url).setEntity(body, JSON);
        headers.forEach(request::addHeader);
        AsyncRequestProducer producer = request.build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setRedirectsEnabled(false)
                .build());
        BoundedResponseConsumer consumer = new BoundedResponseConsumer();
        var future = client.execute(producer, consumer, context, new FutureCallback<>() {
            @Override
            public void completed(BoundedResponseConsumer.Result response) {
                result.complete(SendOutcome.response(response.statusCode(), response.body(), millisSince(started),
                        response.retryAfter()).withRequestHeaders(sentHeaders(context)));
            }

            @Override
            public void failed(Exception e) {
                if (e instanceof BoundedResponseConsumer.ResponseTooLargeException && consumer.hasStatus()) {
                    completed(consumer.snapshot());
                } else {
                    result.complete(SendOutcome.failed(describe(e), millisSince(started))
                            .withRequestHeaders(sentHeaders(context)));
                }
            }

            @Override
            public void cancelled() {
                result.complete(SendOutcome.failed("timeout", millisSince(started)).withRequestHeaders(sentHeaders(context)));
            }
        });
        // The response timeout covers waiting on the socket; this bounds the whole exchange,
        // so a receiver that trickles bytes cannot hold a delivery past its budget.
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (result.complete(SendOutcome.failed("timeout", millisSince(started)).withRequestHeaders(sentHeaders(context)))) {
                future.cancel(true);
            }
        }, timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        result.whenComplete((outcome, error) -> deadline.cancel(false));
        return result;
    }

    private static String sentHeaders(HttpClientContext context) {
        return (String) context.getAttribute(SENT_HEADERS);
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AddressNotAllowedException) {
                return "address not allowed";
            }
            if (t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return "timeout";
            }
            if (t instanceof UnknownHostException) {
                return "dns failure";
            }
            if (t instanceof SSLException) {
                return "tls failure";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "connection refused";
            }
        }
        return "connection error";
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        timer.shutdownNow();
    }
}
