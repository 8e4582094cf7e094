package io.voltmsg.signing;

import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public keys receivers verify with: the RSA key of {@code X-Respond-Flow-Signature} at
 * {@code /id_rsa.pub}, the next one during a rotation at {@code /id_rsa.next.pub} (404 otherwise),
 * and the Ed25519 keys of {@code v1a} at {@code /.well-known/webhook-keys}.
 */
@RestController
class PublicKeyController {

    private final SigningService signing;

    PublicKeyController(SigningService signing) {
        this.signing = signing;
    }

    @GetMapping(value = "/id_rsa.pub", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> rsaPublicKey() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noCache())
                .body(signing.rsaPublicKeyPem());
    }

    @GetMapping(value = "/id_rsa.next.pub", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> rsaNextPublicKey() {
        return signing.rsaNextPublicKeyPem()
                .map(pem -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noCache())
                        .body(pem))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/.well-known/webhook-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, List<WebhookKey>>> webhookKeys() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(Map.of("keys", signing.webhookKeys()));
    }
}
