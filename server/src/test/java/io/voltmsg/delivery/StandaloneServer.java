package io.voltmsg.delivery;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.IssuedToken;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.Servers;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server of its own (not the shared test context) on a given database, with settings and,
 * optionally, a clock the test moves by hand.
 */
final class StandaloneServer implements AutoCloseable {

    /** A clock that stands still until the test moves it. */
    static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now;

        ManualClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    final ConfigurableApplicationContext context;
    final int port;

    StandaloneServer(TestDatabase database, Clock clock, Map<String, String> settings) {
        Map<String, Object> properties;
        try {
            properties = Servers.properties(database, Files.createTempDirectory("voltmsg-standalone-"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(settings);
        context = Servers.start(properties, clock);
        port = Servers.port(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    IntegrationTest.TestOrganization newOrganization() {
        AccountService accounts = bean(AccountService.class);
        Organization org = accounts.createOrganization("Standalone test " + java.util.UUID.randomUUID());
        String number = IntegrationTest.uniqueNumber();
        accounts.addPhoneNumber(org.id(), number);
        IssuedToken token = accounts.issueToken(org.id(), EnumSet.allOf(Scope.class));
        return new IntegrationTest.TestOrganization(org.id(), number, token.token(), new GraphQl(port, token.token()));
    }

    @Override
    public void close() {
        context.close();
    }
}
