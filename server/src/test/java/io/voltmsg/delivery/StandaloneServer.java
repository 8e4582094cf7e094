package io.voltmsg.delivery;

import io.voltmsg.VoltmsgApplication;
import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.IssuedToken;
import io.voltmsg.accounts.Organization;
import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import io.voltmsg.testing.TestDatabase;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

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
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        try {
            properties.put("voltmsg.data-dir", Files.createTempDirectory("voltmsg-standalone-").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        properties.put("server.port", "0");
        properties.put("voltmsg.webhooks.allowed-networks", "127.0.0.0/8,::1/128");
        properties.put("voltmsg.webhooks.test-timeout", "2s");
        properties.put("voltmsg.delivery.poll-interval", "50ms");
        properties.put("voltmsg.carrier.simulator.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(settings);
        // As command-line arguments: builder properties are defaults, which application.yml would override.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(VoltmsgApplication.class);
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class,
                    () -> clock, definition -> definition.setPrimary(true)));
        }
        context = builder.run(arguments);
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    IntegrationTest.TestOrganization newOrganization() {
        AccountService accounts = bean(AccountService.class);
        Organization org = accounts.createOrganization("Standalone test");
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
