package io.voltmsg.graphql;

import io.voltmsg.shared.RequestLane;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's request lane: {@code voltmsg.api.request-threads} {@code /graphql} requests are worked on
 * at once, more wait their turn without holding a thread; the portal has a lane of its own, so neither
 * starves the other.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreadsConfiguration {

    @Bean
    RequestLane apiLane(ApiProperties api) {
        return new RequestLane("api", ApiProperties.requestThreads(api.requestThreads(),
                Runtime.getRuntime().availableProcessors()),
                path -> path.equals("/graphql") || path.startsWith("/graphql/"), Duration.ofSeconds(60),
                "application/json", "{\"errors\":[{\"message\":\"the server is busy; try again\","
                        + "\"extensions\":{\"code\":\"UNAVAILABLE\"}}]}");
    }
}
