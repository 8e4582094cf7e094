package io.voltmsg.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits on webhook endpoints. */
@ConfigurationProperties("voltmsg.webhooks")
public record WebhookLimits(
        /* Most webhooks one organization may have. */
        @DefaultValue("50") int maxPerOrganization) {
}
