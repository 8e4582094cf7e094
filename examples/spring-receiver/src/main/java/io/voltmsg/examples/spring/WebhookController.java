package io.voltmsg.examples.spring;

import io.voltmsg.sdk.SeenIds;
import io.voltmsg.sdk.VerifiedWebhook;
import io.voltmsg.sdk.WebhookEvent;
import io.voltmsg.sdk.WebhookVerificationException;
import io.voltmsg.sdk.WebhookVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives voltmsg webhooks: the raw body as bytes (any re-encoding would break the signatures),
 * verified with the SDK, duplicates dropped. 204 for a new event, 200 for a duplicate, 400 when
 * verification fails, 503 when the keys cannot be fetched (voltmsg retries).
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookVerifier verifier;
    private final SeenIds seen;

    WebhookController(WebhookVerifier verifier, SeenIds seen) {
        this.verifier = verifier;
        this.seen = seen;
    }

    @PostMapping("/webhooks")
    ResponseEntity<String> receive(@RequestHeader HttpHeaders headers, @RequestBody byte[] body)
            throws WebhookVerificationException {
        VerifiedWebhook webhook = verifier.verify(headers::getFirst, body);
        if (!seen.firstTime(webhook.id())) {
            return ResponseEntity.ok("duplicate");
        }
        WebhookEvent event = webhook.event();
        if (event.isMessageEvent()) {
            log.info("{} {} {} {} -> {} {}: \"{}\"", event.type(), event.id(), event.message().id(),
                    event.message().fromNumber(), event.message().toNumber(), event.message().status(), event.message().text());
        } else {
            log.info("{} {}", event.type(), event.id());
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(WebhookVerificationException.class)
    ResponseEntity<String> rejected(WebhookVerificationException e) {
        log.warn("rejected a webhook: {}: {}", e.reason(), e.getMessage());
        HttpStatus status = e.reason() == WebhookVerificationException.Reason.KEYS_UNAVAILABLE
                ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(e.reason() + ": " + e.getMessage());
    }
}
