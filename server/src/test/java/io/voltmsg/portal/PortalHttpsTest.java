package io.voltmsg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Served over HTTPS (Spring Boot's {@code server.ssl.*}), the portal's session cookie is also {@code Secure}. Runs once (H2). */
class PortalHttpsTest {

    @Test
    void overHttpsTheSessionCookieIsSecureHttpOnlyAndSameSiteLax(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "voltmsg", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        Map<String, Object> properties = Servers.properties(TestDatabase.fresh(), Files.createDirectory(dir.resolve("data")));
        properties.put("server.ssl.enabled", "true");
        properties.put("server.ssl.key-store", keystore.toString());
        properties.put("server.ssl.key-store-password", "changeit");
        properties.put("server.ssl.key-store-type", "PKCS12");
        try (ConfigurableApplicationContext server = Servers.start(properties)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + Servers.port(server) + "/signin")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        }
    }
}
