package io.voltmsg.shared;

import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The server's start on the embedded database (never a CLI command, which must not create anything): logs the data
 * directory, creates it owner-only when missing, warns about what others may read, and once started makes the files
 * it created (the H2 database) owner-only.
 */
public class DataDirectoryPreparation implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public DataDirectoryPreparation(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectoryPreparation.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application.getWebApplicationType() == WebApplicationType.NONE) {
            return;
        }
        Path dir = Path.of(environment.getProperty("voltmsg.data-dir", "./data")).toAbsolutePath().normalize();
        boolean embedded = !environment.containsProperty("spring.datasource.url")
                || EmbeddedDatabase.fileOf(environment.getProperty("spring.datasource.url"))
                        .map(file -> dir.equals(file.toAbsolutePath().normalize().getParent())).orElse(false);
        if (!embedded) {
            return; // PostgreSQL: the data directory holds nothing (the master key must be configured)
        }
        log.info("Data directory: " + dir + " (embedded H2 database, master key)");
        java.util.Set<Path> existing = DataDirectory.files(dir);
        if (DataDirectory.create(dir)) {
            log.info("Created the data directory " + dir + " (owner only, 0700)");
        } else {
            DataDirectory.check(dir).forEach(log::warn);
        }
        application.addListeners((ApplicationListener<ApplicationStartedEvent>) event -> DataDirectory.restrictFiles(dir, existing));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
