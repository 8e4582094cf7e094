package io.voltmsg.examples.spring;

import io.voltmsg.sdk.SeenIds;
import io.voltmsg.sdk.WebhookVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One verifier and one duplicate filter for the application. */
@Configuration
class VerifierConfiguration {

    @Bean
    WebhookVerifier webhookVerifier(ReceiverProperties properties) {
        if (properties.voltmsgUrl() == null) {
            throw new IllegalStateException("set receiver.voltmsg-url to the voltmsg server, like http://127.0.0.1:8080");
        }
        WebhookVerifier.Builder builder = WebhookVerifier.builder().fetchingKeysFrom(properties.voltmsgUrl());
        if (!properties.secrets().isEmpty()) {
            builder.standard(properties.secrets().toArray(String[]::new));
        }
        return builder.build();
    }

    @Bean
    SeenIds seenWebhookIds() {
        return SeenIds.inMemory();
    }
}
