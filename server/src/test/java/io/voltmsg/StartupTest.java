package io.voltmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voltmsg.testing.DatabaseAvailable;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** First start, restarts and bad configuration, each on a database of its own. */
@Tag("database")
@ExtendWith({DatabaseAvailable.class, OutputCaptureExtension.class})
class StartupTest {

    @Test
    void firstStartCreatesTheDefaultOrganizationAndPrintsItsTokenOnce(@TempDir Path dataDir, CapturedOutput output) {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.remove("voltmsg.signing.master-key");
        if (TestDatabase.isPostgres()) {
            properties.put("voltmsg.signing.master-key", TestDatabase.TEST_MASTER_KEY);
        }
        String pem;
        String token;
        try (ConfigurableApplicationContext first = Servers.start(properties)) {
            assertThat(output.getOut()).contains("voltmsg first start").contains("+15550100001");
            token = output.getOut().replaceAll("(?s).*API token\\s+:\\s+(vm_\\S+).*", "$1");
            assertThat(token).startsWith("vm_");
            GraphQl api = new GraphQl(Servers.port(first), token);
            assertThat(api.execute("{ webhooks { id } }").hasErrors()).isFalse();
            pem = GraphQl.get(Servers.port(first), "/id_rsa.pub");
        }
        if (!TestDatabase.isPostgres()) {
            assertThat(dataDir.resolve("master.key")).exists();
        }
        int printed = count(output.getOut(), "voltmsg first start");
        try (ConfigurableApplicationContext second = Servers.start(properties)) {
            assertThat(count(output.getOut(), "voltmsg first start")).isEqualTo(printed);
            assertThat(count(output.getOut(), token)).isEqualTo(1);
            assertThat(GraphQl.get(Servers.port(second), "/id_rsa.pub")).isEqualTo(pem);
            assertThat(new GraphQl(Servers.port(second), token).execute("{ webhooks { id } }").hasErrors()).isFalse();
        }
    }

    @Test
    void aConfiguredBootstrapTokenAndNumberAreUsedAndTheTokenIsNotPrinted(@TempDir Path dataDir, CapturedOutput output) {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.put("voltmsg.bootstrap.token", "quickstart-token-0123456789abcdef");
        properties.put("voltmsg.bootstrap.phone-number", "+15550109999");
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            assertThat(output.getOut()).contains("+15550109999").doesNotContain("quickstart-token-0123456789abcdef");
            GraphQl api = new GraphQl(Servers.port(server), "quickstart-token-0123456789abcdef");
            assertThat(api.execute("{ webhooks { id } }").hasErrors()).isFalse();
        }
    }

    @Test
    void badBootstrapSettingsStopTheStartWithAClearMessage(@TempDir Path dataDir) {
        Map<String, Object> shortToken = Servers.properties(TestDatabase.fresh(), dataDir);
        shortToken.put("voltmsg.bootstrap.token", "short");
        assertThat(startFailure(shortToken)).contains("voltmsg.bootstrap.token").contains("at least 16");

        Map<String, Object> badNumber = Servers.properties(TestDatabase.fresh(), dataDir);
        badNumber.put("voltmsg.bootstrap.phone-number", "555-0100");
        assertThat(startFailure(badNumber)).contains("voltmsg.bootstrap.phone-number").contains("E.164");
    }

    @Test
    void aMalformedMasterKeyStopsTheStart(@TempDir Path dataDir) {
        for (String bad : new String[] {"not base64!!", "c2hvcnQ=", "   "}) {
            Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
            properties.put("voltmsg.signing.master-key", bad);
            if (bad.isBlank() && !TestDatabase.isPostgres()) {
                continue; // blank means "generate one" on H2
            }
            assertThat(startFailure(properties)).contains("master-key");
        }
    }

    @Test
    void aDifferentMasterKeyForExistingKeysStopsTheStartWithoutLeakingKeyMaterial(@TempDir Path dataDir) {
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        Servers.start(properties).close();
        properties.put("voltmsg.signing.master-key", "b3RoZXItbWFzdGVyLWtleS0zMi1ieXRlcy1sb25nISE=");
        assertThat(startFailure(properties)).contains("master-key").doesNotContainPattern("[A-Za-z0-9+/]{40,}");
    }

    @Test
    void h2WithoutAMasterKeyGeneratesOneReadableOnlyByItsOwner(@TempDir Path dataDir) throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "H2 run only");
        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), dataDir);
        properties.remove("voltmsg.signing.master-key");
        Servers.start(properties).close();
        Path key = dataDir.resolve("master.key");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(java.util.Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
    }

    /** The message of the innermost cause of a failed start: what an operator reads last in the log. */
    private static String startFailure(Map<String, Object> properties) {
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> Servers.start(properties).close());
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
