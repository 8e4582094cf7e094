package io.voltmsg.shared;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The request lanes the front doors declare, and Tomcat's threads sized for all of them: their permits
 * and {@value #HEADROOM} more for what belongs to no lane (health checks, keys, static files) and for
 * parking requests. Spring's own {@code server.tomcat.threads.max}, when set, wins.
 */
@Configuration(proxyBeanMethods = false)
class RequestLaneConfiguration {

    static final int HEADROOM = 16;
    /** Just after Spring Security's filter chain (order -100). */
    static final int ORDER = -99;
    private static final Logger log = LoggerFactory.getLogger(RequestLaneConfiguration.class);

    @Bean
    FilterRegistrationBean<RequestLaneFilter> requestLanes(List<RequestLane> lanes) {
        FilterRegistrationBean<RequestLaneFilter> registration = new FilterRegistrationBean<>(new RequestLaneFilter(lanes));
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestThreads(List<RequestLane> lanes,
                                                                                 Environment environment) {
        return factory -> {
            if (environment.containsProperty("server.tomcat.threads.max")) {
                return;
            }
            int threads = lanes.stream().mapToInt(RequestLane::permits).sum() + HEADROOM;
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                    protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
                    protocol.setMaxThreads(threads);
                }
            });
            log.info("Request threads: {} ({})", threads, String.join(", ", lanes.stream()
                    .map(l -> l.name() + " " + l.permits()).toList()) + ", other " + HEADROOM);
        };
    }
}
