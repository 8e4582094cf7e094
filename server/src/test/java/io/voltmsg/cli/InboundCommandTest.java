package io.voltmsg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestReceiver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code voltmsg inbound} calls the running server, whose embedded SMSC sends a real deliver_sm. */
class InboundCommandTest extends IntegrationTest {

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void inboundCommandProducesAReceivedWebhook() {
        try (TestReceiver receiver = new TestReceiver()) {
            TestOrganization org = newOrganization();
            assertThat(org.api().execute("mutation($u: String!) { registerWebhook(url: $u) { id } }",
                    Map.of("u", receiver.url())).hasErrors()).isFalse();
            String handset = uniqueNumber();
            Run run = run("inbound", "--url", "http://127.0.0.1:" + port + "/", "--token", org.token(),
                    "--from", handset, "--to", org.phoneNumber(), "--body", "from the CLI");
            assertThat(run.exitCode()).as(run.err()).isZero();
            String id = run.out().strip();
            assertThat(id).startsWith("msg_");
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().stream()
                    .map(r -> GraphQl.JSON.readTree(r.bodyText()))
                    .anyMatch(b -> b.path("type").asString().equals("message.received")
                            && b.path("payload").path("id").asString().equals(id)));
            JsonNode payload = receiver.received().stream().map(r -> GraphQl.JSON.readTree(r.bodyText()))
                    .filter(b -> b.path("payload").path("id").asString().equals(id)).findFirst().orElseThrow()
                    .path("payload");
            assertThat(payload.path("text").asString()).isEqualTo("from the CLI");
            assertThat(payload.path("fromNumber").asString()).isEqualTo(handset);
        }
    }

    @Test
    void errorsAreClear() {
        TestOrganization org = newOrganization();
        Run notOurs = run("inbound", "--url", "http://127.0.0.1:" + port, "--token", org.token(),
                "--from", uniqueNumber(), "--to", uniqueNumber(), "--body", "x");
        assertThat(notOurs.exitCode()).isEqualTo(1);
        assertThat(notOurs.err()).contains("to must be a phone number of your organization").contains("BAD_USER_INPUT");
        Run badToken = run("inbound", "--url", "http://127.0.0.1:" + port, "--token", "vm_nope",
                "--from", uniqueNumber(), "--to", org.phoneNumber(), "--body", "x");
        assertThat(badToken.exitCode()).isEqualTo(1);
        assertThat(badToken.err()).contains("not accepted", "Authorization: Bearer");
        Run missing = run("inbound", "--url", "http://127.0.0.1:" + port, "--token", org.token());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(VoltmsgCli.handles(new String[] {"inbound"})).isTrue();
        int closed = freePort();
        Run down = run("inbound", "--url", "http://127.0.0.1:" + closed, "--token", org.token(),
                "--from", uniqueNumber(), "--to", org.phoneNumber(), "--body", "x");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.err().strip()).isEqualTo("error: cannot reach voltmsg at http://127.0.0.1:" + closed
                + ": connection refused — is the server running? (--url sets where)");
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VoltmsgCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
