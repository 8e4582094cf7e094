package io.voltmsg.examples.spring;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the receiver gets its keys and secrets (application.yml, or --receiver.… arguments). */
@ConfigurationProperties("receiver")
public record ReceiverProperties(
        /* The voltmsg server whose published keys verify RSA and v1a, e.g. http://127.0.0.1:8080. */
        URI voltmsgUrl,
        /* The webhook's whsec_ secrets for v1 (both during a rotation); empty until the webhook is registered. */
        List<String> secrets) {

    public ReceiverProperties {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
}
