package io.voltmsg.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean(destroyMethod = "close")
    WebhookHttpClient webhookHttpClient(DeliveryProperties delivery, OutboundNetworkProperties network) {
        String version = DeliveryConfiguration.class.getPackage().getImplementationVersion();
        return new WebhookHttpClient(AddressPolicy.fromConfig(network.allowedNetworks()), delivery.connectTimeout(),
                "voltmsg/" + (version == null ? "dev" : version), delivery.maxInFlight());
    }
}
