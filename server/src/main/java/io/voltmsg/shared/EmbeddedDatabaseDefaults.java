package io.voltmsg.shared;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without a configured {@code spring.datasource.url}, the server and the CLI use the embedded database in
 * {@code voltmsg.data-dir} ({@link EmbeddedDatabase#url}). Runs after the configuration files were read, and adds
 * its default with the lowest precedence, so anything the operator configured wins.
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "voltmsgEmbeddedDatabase";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("voltmsg.data-dir", "./data"));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "spring.datasource.url", EmbeddedDatabase.url(dataDir),
                "spring.datasource.username", "sa",
                "spring.datasource.password", "")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
