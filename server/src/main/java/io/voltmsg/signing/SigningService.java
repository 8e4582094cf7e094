package io.voltmsg.signing;

import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import io.voltmsg.shared.VoltmsgProperties;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Owns the platform keys and produces signature headers. Keys are loaded once, never per
 * request; the RSA signature depends only on the body, so callers compute it once per event
 * and hand it back for every delivery.
 */
@Service
public class SigningService {

    public static final String RSA_SIGNATURE_HEADER = "X-Respond-Flow-Signature";
    private static final Logger log = LoggerFactory.getLogger(SigningService.class);

    private final SigningKeyRepository repository;
    private final MasterKey masterKey;
    private final Clock clock;
    private volatile RsaKey currentRsa;

    SigningService(SigningKeyRepository repository, SigningProperties signing, VoltmsgProperties voltmsg,
                   DataSource dataSource, Clock clock) {
        this.repository = repository;
        this.masterKey = MasterKeySource.load(signing, voltmsg, dataSource);
        this.clock = clock;
        this.currentRsa = loadOrCreateRsa();
    }

    public String rsaPublicKeyPem() {
        return currentRsa.publicKeyPem();
    }

    /** Signs an event body with the current RSA key. */
    public BodySignature signBody(byte[] body) {
        return currentRsa.sign(body);
    }

    /**
     * The signature headers for one request: the stored body signature is reused while its key
     * is still current, otherwise the body is signed again with the current key.
     */
    public Map<String, String> headersFor(SigningRequest request) {
        RsaKey rsa = currentRsa;
        BodySignature stored = request.storedSignature();
        BodySignature signature = stored != null && stored.keyId().equals(rsa.id()) ? stored : rsa.sign(request.body());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RSA_SIGNATURE_HEADER, signature.base64());
        return headers;
    }

    private RsaKey loadOrCreateRsa() {
        List<StoredKey> keys = repository.keys(RsaKey.ALGORITHM);
        if (keys.isEmpty()) {
            Instant now = Times.now(clock);
            KeyPair pair = RsaKey.generate();
            String id = Ids.newId("key", now);
            StoredKey key = new StoredKey(id, RsaKey.ALGORITHM, 1, pair.getPublic().getEncoded(),
                    masterKey.encrypt(pair.getPrivate().getEncoded(), id), now, now);
            if (repository.insert(key)) {
                log.info("Generated the platform RSA-2048 signing key {}", id);
            }
            keys = repository.keys(RsaKey.ALGORITHM);
        }
        return RsaKey.load(keys.get(keys.size() - 1), masterKey);
    }
}
