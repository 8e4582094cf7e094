package io.voltmsg.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Key material and signature settings. */
@ConfigurationProperties("voltmsg.signing")
public record SigningProperties(
        /* Base64 of 32 random bytes that encrypts private keys and whsec_ secrets at rest; generated into the data dir on H2, required on PostgreSQL. */
        String masterKey,
        /* How long a rotated-out whsec_ secret keeps signing (a second v1 signature) after rotateWebhookSecret. */
        @DefaultValue("24h") Duration secretOverlap,
        /* How long after `signing rotate-rsa` the new RSA key becomes current; meanwhile it signs X-Respond-Flow-Signature-Next. */
        @DefaultValue("24h") Duration rsaOverlap,
        /* How often each instance re-reads the keys table to notice a rotation made elsewhere (keys are never loaded per request). */
        @DefaultValue("30s") Duration keyRefreshInterval,
        /* Use the Amazon Corretto Crypto Provider when it loads on this machine; false forces the JDK's providers. */
        @DefaultValue("true") boolean fastProvider,
        /* Entries in each signature cache (v1a per event id and timestamp second; RSA re-signs per event and key). */
        @DefaultValue("10000") int signatureCacheSize) {
}
