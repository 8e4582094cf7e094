package io.voltmsg.signing;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the RSA public key receivers verify {@code X-Respond-Flow-Signature} with. */
@RestController
class PublicKeyController {

    private final SigningService signing;

    PublicKeyController(SigningService signing) {
        this.signing = signing;
    }

    @GetMapping(value = "/id_rsa.pub", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> rsaPublicKey() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(signing.rsaPublicKeyPem());
    }
}
