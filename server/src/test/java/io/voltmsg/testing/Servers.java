package io.voltmsg.testing;

import io.voltmsg.VoltmsgApplication;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** Starts a whole voltmsg server in this JVM on a database of a test's choosing, for start/stop scenarios. */
public final class Servers {

    private Servers() {
    }

    /** Properties for a server on {@code database} with loopback receivers allowed and fast retries. */
    public static Map<String, Object> properties(TestDatabase database, Path dataDir) {
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("voltmsg.data-dir", dataDir.toString());
        properties.put("voltmsg.webhooks.allowed-networks", "127.0.0.0/8,::1/128");
        properties.put("voltmsg.webhooks.test-timeout", "2s");
        properties.put("voltmsg.delivery.retry-schedule", "1s,1s,1s");
        properties.put("voltmsg.delivery.poll-interval", "50ms");
        properties.put("voltmsg.carrier.simulator.port", "0");
        return properties;
    }

    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return start(properties, null);
    }

    /** Starts a server whose every time decision asks {@code clock} (the real clock when null). */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, Clock clock) {
        // Command-line style arguments outrank everything, so the caller's values win over
        // application.yml and over anything another test left in the environment.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(VoltmsgApplication.class);
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class,
                    () -> clock, definition -> definition.setPrimary(true)));
        }
        return builder.run(args);
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
