package io.voltmsg.portal;

import io.voltmsg.shared.RequestLane;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's request lane: its pages and live updates, apart from the API's. */
@Configuration(proxyBeanMethods = false)
class PortalLane {

    @Bean
    RequestLane portalRequests(PortalProperties properties) {
        return new RequestLane("portal", RequestLane.permits(properties.requestThreads(),
                Runtime.getRuntime().availableProcessors()), PortalRoutes::isPage, Duration.ofSeconds(60),
                "text/plain;charset=UTF-8", "The portal is busy; reload the page in a moment.");
    }
}
