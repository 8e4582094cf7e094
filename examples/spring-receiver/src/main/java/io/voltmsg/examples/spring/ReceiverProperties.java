package io.voltmsg.examples.spring;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param voltmsgUrl the voltmsg server whose published keys verify RSA and v1a
 * @param secrets    the webhook's whsec_ secrets for v1; empty until the webhook is registered
 */
@ConfigurationProperties("receiver")
public record ReceiverProperties(URI voltmsgUrl, List<String> secrets) {

    public ReceiverProperties {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
}
