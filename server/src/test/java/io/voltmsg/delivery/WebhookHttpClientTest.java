package io.voltmsg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.voltmsg.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/** The client's own limits, against raw loopback sockets that misbehave on purpose. */
class WebhookHttpClientTest {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aReceiverThatTricklesItsResponseIsCutOffAtTheWholeExchangeDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             WebhookHttpClient client = new WebhookHttpClient(AddressPolicy.fromConfig(List.of("127.0.0.0/8")),
                     Duration.ofSeconds(2), "voltmsg-test")) {
            Thread trickler = new Thread(() -> trickle(server));
            trickler.setDaemon(true);
            trickler.start();
            long started = System.nanoTime();
            SendOutcome outcome = client.post(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook"), Map.of(),
                    "{}".getBytes(StandardCharsets.UTF_8), RESPONSE_TIMEOUT).get(10, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // Each byte arrives well within the socket timeout, so only the overall deadline
            // (response timeout + 500 ms) can end the exchange.
            assertThat(outcome.isSuccess()).isFalse();
            assertThat(outcome.reason()).isEqualTo("timeout");
            assertThat(tookMillis).isBetween(RESPONSE_TIMEOUT.toMillis(), RESPONSE_TIMEOUT.toMillis() + 3_000);
        }
    }

    @Test
    void manyRequestsDoNotStartAThreadEach() throws Exception {
        try (TestReceiver receiver = new TestReceiver();
             WebhookHttpClient client = new WebhookHttpClient(AddressPolicy.fromConfig(List.of("127.0.0.0/8")),
                     Duration.ofSeconds(2), "voltmsg-test")) {
            URI url = URI.create(receiver.url());
            client.post(url, Map.of(), new byte[0], RESPONSE_TIMEOUT).get(10, TimeUnit.SECONDS);
            long threadsBefore = java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            for (int i = 0; i < 200; i++) {
                assertThat(client.post(url, Map.of(), new byte[0], RESPONSE_TIMEOUT).get(10, TimeUnit.SECONDS).isSuccess())
                        .isTrue();
            }
            long started = java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsBefore;
            // The receiver's connection threads and the client's reactor may add a few; a thread per request would add 200.
            assertThat(started).isLessThan(50);
        }
    }

    private static void trickle(ServerSocket server) {
        try (Socket socket = server.accept()) {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 100; i++) {
                Thread.sleep(200);
                out.write('x');
                out.flush();
            }
        } catch (Exception ignored) {
            // the client hung up, as it should
        }
    }
}
