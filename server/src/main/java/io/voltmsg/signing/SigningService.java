package io.voltmsg.signing;

import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Owns the platform keys (RSA for {@code X-Respond-Flow-Signature}, Ed25519 for {@code v1a}) and
 * produces signature headers. Keys are loaded at start and whenever the keys table changes
 * (polled every {@code voltmsg.signing.key-refresh-interval}), never per request; which key is
 * current follows the clock, so a rotation's overlap ends everywhere at the same instant.
 */
@Service
public class SigningService implements DisposableBean {

    public static final String RSA_SIGNATURE_HEADER = HeaderSigner.RSA_SIGNATURE_HEADER;
    private static final Logger log = LoggerFactory.getLogger(SigningService.class);

    private final SigningKeyRepository repository;
    private final MasterKey masterKey;
    private final CryptoProvider provider;
    private final SigningProperties properties;
    private final Clock clock;
    private final HeaderSigner signer;
    private final ScheduledExecutorService refresher;
    private volatile String announcedCurrentRsa;
    private volatile String announcedNextRsa;

    SigningService(SigningKeyRepository repository, MasterKey masterKey, CryptoProvider provider,
                   SigningProperties properties, Clock clock) {
        this.repository = repository;
        this.masterKey = masterKey;
        this.provider = provider;
        this.properties = properties;
        this.clock = clock;
        createIfMissing(PlatformKey.RSA);
        createIfMissing(PlatformKey.ED25519);
        this.signer = new HeaderSigner(load(Map.of()), clock, properties.signatureCacheSize());
        announce();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "signing-key-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, properties.keyRefreshInterval().toMillis());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The current RSA public key, PEM: what {@code /id_rsa.pub} serves. */
    public String rsaPublicKeyPem() {
        return signer.keys().currentRsa(clock.instant()).publicKeyPem();
    }

    /** The next RSA public key during a rotation overlap: what {@code /id_rsa.next.pub} serves. */
    public Optional<String> rsaNextPublicKeyPem() {
        return signer.keys().nextRsa(clock.instant()).map(PlatformKey::publicKeyPem);
    }

    /** The Ed25519 keys receivers verify {@code v1a} with. */
    public List<WebhookKey> webhookKeys() {
        KeyRing keys = signer.keys();
        PlatformKey current = keys.currentEd25519(clock.instant());
        List<WebhookKey> out = new ArrayList<>();
        for (PlatformKey key : keys.ed25519()) {
            out.add(new WebhookKey(key.id(), PlatformKey.ED25519, key.publicKeyPem(),
                    "whpk_" + Base64.getEncoder().encodeToString(key.rawPublicKey()), key == current));
        }
        return out;
    }

    /** Signs an event body with the current RSA key; callers store it with the event and pass it back. */
    public BodySignature signBody(byte[] body) {
        return signer.signBody(body);
    }

    /** Every signature header of one request; see {@link HeaderSigner}. */
    public Map<String, String> headersFor(SigningRequest request) {
        return signer.headersFor(request);
    }

    /**
     * Creates the next RSA key generation, current after {@code voltmsg.signing.rsa-overlap}.
     * Refused while an earlier rotation is still in its overlap.
     */
    public RsaRotation rotateRsa() {
        Instant now = Times.now(clock);
        List<StoredKey> keys = repository.keys(PlatformKey.RSA);
        for (StoredKey key : keys) {
            if (key.activatesAt().isAfter(now)) {
                throw new IllegalStateException("an RSA rotation is already under way: key " + key.id()
                        + " becomes current at " + Times.iso(key.activatesAt()));
            }
        }
        int generation = keys.stream().mapToInt(StoredKey::generation).max().orElse(0) + 1;
        StoredKey created = newKey(PlatformKey.RSA, generation, now, now.plus(properties.rsaOverlap()));
        if (!repository.insert(created)) {
            throw new IllegalStateException("another rotation created RSA generation " + generation + " at the same time");
        }
        log.info("Created RSA key {} (generation {}); it becomes current at {}", created.id(), generation,
                Times.iso(created.activatesAt()));
        refreshKeys();
        return new RsaRotation(created.id(), generation, created.activatesAt());
    }

    /** Re-reads the keys table, decrypting only keys not loaded yet. */
    void refreshKeys() {
        KeyRing current = signer.keys();
        Map<String, PlatformKey> loaded = new HashMap<>();
        current.rsa().forEach(k -> loaded.put(k.id(), k));
        current.ed25519().forEach(k -> loaded.put(k.id(), k));
        KeyRing next = load(loaded);
        if (next.rsa().size() != current.rsa().size() || next.ed25519().size() != current.ed25519().size()
                || !loaded.keySet().containsAll(ids(next))) {
            signer.replaceKeys(next);
        }
        announce();
    }

    private void refreshQuietly() {
        try {
            refreshKeys();
        } catch (RuntimeException e) {
            log.warn("Re-reading the signing keys failed; keeping the loaded ones: {}", e.getMessage());
        }
    }

    /** Logs (once each) which RSA key is current and which is next. */
    private void announce() {
        Instant now = clock.instant();
        String id = signer.keys().currentRsa(now).id();
        if (!id.equals(announcedCurrentRsa)) {
            announcedCurrentRsa = id;
            log.info("RSA key {} signs X-Respond-Flow-Signature", id);
        }
        signer.keys().nextRsa(now).ifPresent(k -> {
            if (!k.id().equals(announcedNextRsa)) {
                announcedNextRsa = k.id();
                log.info("RSA key {} signs X-Respond-Flow-Signature-Next and is served at /id_rsa.next.pub; "
                        + "it becomes current at {}", k.id(), Times.iso(k.activatesAt()));
            }
        });
    }

    private static List<String> ids(KeyRing ring) {
        List<String> ids = new ArrayList<>();
        ring.rsa().forEach(k -> ids.add(k.id()));
        ring.ed25519().forEach(k -> ids.add(k.id()));
        return ids;
    }

    private KeyRing load(Map<String, PlatformKey> alreadyLoaded) {
        return new KeyRing(load(PlatformKey.RSA, alreadyLoaded), load(PlatformKey.ED25519, alreadyLoaded));
    }

    private List<PlatformKey> load(String algorithm, Map<String, PlatformKey> alreadyLoaded) {
        List<PlatformKey> keys = new ArrayList<>();
        for (StoredKey stored : repository.keys(algorithm)) {
            PlatformKey known = alreadyLoaded.get(stored.id());
            keys.add(known != null ? known : PlatformKey.load(stored, masterKey, provider));
        }
        return keys;
    }

    private void createIfMissing(String algorithm) {
        if (!repository.keys(algorithm).isEmpty()) {
            return;
        }
        Instant now = Times.now(clock);
        StoredKey key = newKey(algorithm, 1, now, now);
        if (repository.insert(key)) {
            log.info("Generated the platform {} signing key {}", algorithm, key.id());
        }
    }

    private StoredKey newKey(String algorithm, int generation, Instant now, Instant activatesAt) {
        KeyPair pair = PlatformKey.generate(algorithm, provider);
        String id = Ids.newId("key", now);
        return new StoredKey(id, algorithm, generation, pair.getPublic().getEncoded(),
                masterKey.encrypt(pair.getPrivate().getEncoded(), id), now, activatesAt);
    }

    /** Waits for a refresh under way instead of interrupting it: an interrupt during file I/O makes H2 close its store. */
    @Override
    public void destroy() throws InterruptedException {
        refresher.shutdown();
        refresher.awaitTermination(5, TimeUnit.SECONDS);
    }
}
