package io.voltmsg.graphql;

import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sizes Tomcat's request threads from {@code voltmsg.api.request-threads} unless the operator
 * set Spring's own {@code server.tomcat.threads.max}, which then wins.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreadsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RequestThreadsConfiguration.class);

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestThreads(ApiProperties api, Environment environment) {
        return factory -> {
            if (environment.containsProperty("server.tomcat.threads.max")) {
                return;
            }
            int threads = ApiProperties.requestThreads(api.requestThreads(), Runtime.getRuntime().availableProcessors());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                    protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
                    protocol.setMaxThreads(threads);
                }
            });
            log.info("API request threads: {}", threads);
        };
    }
}
