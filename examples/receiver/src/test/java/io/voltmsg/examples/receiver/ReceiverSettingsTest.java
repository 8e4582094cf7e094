package io.voltmsg.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiverSettingsTest {

    @Test
    void defaultsThenEnvironmentThenArguments() {
        ReceiverSettings defaults = ReceiverSettings.parse(new String[0], Map.of());
        assertThat(defaults).isEqualTo(new ReceiverSettings("127.0.0.1", 9000, "/webhooks",
                URI.create("http://127.0.0.1:8080"), List.of()));

        Map<String, String> env = Map.of("RECEIVER_PORT", "9100", "VOLTMSG_URL", "https://voltmsg.example.com",
                "VOLTMSG_WEBHOOK_SECRET", "whsec_a, whsec_b", "RECEIVER_PATH", "/hooks/voltmsg");
        ReceiverSettings fromEnv = ReceiverSettings.parse(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(9100);
        assertThat(fromEnv.path()).isEqualTo("/hooks/voltmsg");
        assertThat(fromEnv.secrets()).containsExactly("whsec_a", "whsec_b");

        ReceiverSettings fromArgs = ReceiverSettings.parse(new String[] {"--port", "0", "--secret", "whsec_c", "--secret",
            "whsec_d", "--host", "::1"}, env);
        assertThat(fromArgs.port()).isZero();
        assertThat(fromArgs.secrets()).containsExactly("whsec_c", "whsec_d");
        assertThat(fromArgs.host()).isEqualTo("::1");
        assertThat(fromArgs.voltmsg()).isEqualTo(URI.create("https://voltmsg.example.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--nope                       | unknown argument '--nope'",
        "--port                       | --port needs a value",
        "--port --host                | --port needs a value",
        "--port 65536                 | --port must be a number from 0 to 65535, not '65536'",
        "--port -1                    | --port must be a number from 0 to 65535, not '-1'",
        "--port nine                  | --port must be a number from 0 to 65535, not 'nine'",
        "--voltmsg ftp://127.0.0.1    | --voltmsg must be the voltmsg server's http(s) URL, like http://127.0.0.1:8080",
        "--voltmsg 127.0.0.1:8080     | --voltmsg must be the voltmsg server's http(s) URL, like http://127.0.0.1:8080",
        "--voltmsg http://[bad        | --voltmsg must be the voltmsg server's http(s) URL, like http://127.0.0.1:8080",
        "--path webhooks              | --path must start with / and hold only letters, digits and ._~/-",
        "--path /a?b                  | --path must start with / and hold only letters, digits and ._~/-",
        "--host a/b                   | --host must be an address to listen on, like 127.0.0.1",
    })
    void badArgumentsSayWhatIsWrong(String args, String message) {
        assertThatThrownBy(() -> ReceiverSettings.parse(args.split(" "), Map.of()))
                .isInstanceOf(ReceiverSettings.BadSettings.class).hasMessage(message);
    }

    @Test
    void hostileValuesAreNotEchoedRaw() {
        assertThatThrownBy(() -> ReceiverSettings.parse(new String[] {"--\u001b[31mred" + "x".repeat(100)}, Map.of()))
                .hasMessage("unknown argument '--?[31mred" + "x".repeat(30) + "…'");
        assertThatThrownBy(() -> ReceiverSettings.parse(new String[0], Map.of("RECEIVER_PORT", "80\n80")))
                .hasMessage("--port must be a number from 0 to 65535, not '80?80'");
    }

    @Test
    void aMalformedSecretStopsTheStartWithoutEchoingIt() {
        ReceiverSettings settings = ReceiverSettings.parse(new String[] {"--port", "0", "--secret", "whsec_not base64!!"}, Map.of());
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReceiverMain.start(settings, out)).isInstanceOf(ReceiverSettings.BadSettings.class)
                .hasMessage("--secret: a whsec_ secret is not whsec_ followed by base64");
    }
}
