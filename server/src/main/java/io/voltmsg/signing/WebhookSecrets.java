package io.voltmsg.signing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Endpoint {@code whsec_} secrets: made here and sealed with the master key for storage. The
 * webhooks package stores the sealed bytes; only this class can open them.
 */
@Component
public class WebhookSecrets {

    /** Random bytes per secret; Standard Webhooks allows 24 to 64. */
    static final int SECRET_BYTES = 32;
    private static final String CONTEXT_PREFIX = "webhook-secret:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey masterKey;

    WebhookSecrets(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    /** A new {@code whsec_} secret: the prefix and base64 of 32 random bytes. */
    public String generate() {
        byte[] raw = new byte[SECRET_BYTES];
        RANDOM.nextBytes(raw);
        try {
            return HeaderSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Encrypts a secret for storage, bound to {@code id} (the row it is stored in): moved to another row it will not open. */
    public byte[] seal(String secret, String id) {
        return masterKey.encrypt(secret.getBytes(StandardCharsets.US_ASCII), CONTEXT_PREFIX + id);
    }

    public String open(byte[] sealed, String id) {
        return new String(masterKey.decrypt(sealed, CONTEXT_PREFIX + id), StandardCharsets.US_ASCII);
    }
}
