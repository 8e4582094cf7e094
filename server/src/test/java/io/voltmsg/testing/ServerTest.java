package io.voltmsg.testing;

import io.voltmsg.VoltmsgApplication;
import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.IssuedToken;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running server (real HTTP port, real database of the configured kind) shared by every
 * subclass: keep the properties identical so Spring reuses one context. Tests isolate
 * themselves by creating their own organization. Subclasses that are not {@link IntegrationTest}s
 * (the browser tests) run once, in the H2 run only.
 */
@SpringBootTest(classes = VoltmsgApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTest {

    /** Organization names are unique: each test organization gets its own number. */
    private static final java.util.concurrent.atomic.AtomicInteger ORGANIZATIONS = new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountService accounts;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) throws Exception {
        if (TestDatabase.unavailableReason() != null) {
            return;
        }
        TestDatabase.shared().properties().forEach((key, value) -> registry.add(key, () -> value));
        Path dataDir = Files.createTempDirectory("voltmsg-test-data-");
        registry.add("voltmsg.data-dir", dataDir::toString);
        registry.add("voltmsg.webhooks.allowed-networks", () -> "127.0.0.0/8,::1/128");
        registry.add("voltmsg.webhooks.test-timeout", () -> "2s");
        registry.add("voltmsg.delivery.retry-schedule", () -> "1s,2s,3s");
        registry.add("voltmsg.delivery.poll-interval", () -> "50ms");
        registry.add("voltmsg.carrier.simulator.port", () -> "0");
        registry.add("voltmsg.bootstrap.phone-number", () -> "+15550100001");
    }

    protected IntegrationTest.TestOrganization newOrganization() {
        return newOrganization(EnumSet.allOf(Scope.class));
    }

    protected IntegrationTest.TestOrganization newOrganization(Set<Scope> scopes) {
        Organization org = accounts.createOrganization("Test " + getClass().getSimpleName() + " " + ORGANIZATIONS.incrementAndGet());
        String number = uniqueNumber();
        accounts.addPhoneNumber(org.id(), number);
        IssuedToken token = accounts.issueToken(org.id(), scopes);
        return new IntegrationTest.TestOrganization(org.id(), number, token.token(), new GraphQl(port, token.token()));
    }

    protected GraphQl anonymous() {
        return new GraphQl(port, null);
    }

    protected GraphQl withToken(String token) {
        return new GraphQl(port, token);
    }

    /** A random +1 555 01xx xxxx-style number: valid E.164, never a real subscriber. */
    public static String uniqueNumber() {
        return "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
