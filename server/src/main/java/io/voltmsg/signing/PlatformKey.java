package io.voltmsg.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;

/**
 * One loaded platform key pair (RSA-2048 or Ed25519) with its generation and the moment it
 * becomes current. Holds the private key only in memory; nothing here prints it.
 */
final class PlatformKey {

    static final String RSA = "RSA";
    static final String ED25519 = "Ed25519";

    private final String id;
    private final String algorithm;
    private final int generation;
    private final Instant activatesAt;
    private final PublicKey publicKey;
    private final String publicKeyPem;
    // Signature objects are not thread-safe; one per thread, initialised once, keeps provider lookups off the hot path.
    private final ThreadLocal<Signature> signer;

    private PlatformKey(String id, String algorithm, int generation, Instant activatesAt, PrivateKey privateKey,
                        PublicKey publicKey, CryptoProvider provider) {
        this.id = id;
        this.algorithm = algorithm;
        this.generation = generation;
        this.activatesAt = activatesAt;
        this.publicKey = publicKey;
        this.publicKeyPem = Pem.encode("PUBLIC KEY", publicKey.getEncoded());
        String signatureAlgorithm = signatureAlgorithm(algorithm);
        this.signer = ThreadLocal.withInitial(() -> {
            try {
                Signature signature = provider.signature(signatureAlgorithm);
                signature.initSign(privateKey);
                return signature;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(signatureAlgorithm + " signing is unavailable: " + e.getMessage());
            }
        });
    }

    static String signatureAlgorithm(String algorithm) {
        return switch (algorithm) {
            case RSA -> "SHA256withRSA";
            case ED25519 -> "Ed25519";
            default -> throw new IllegalArgumentException("unknown key algorithm " + algorithm);
        };
    }

    static KeyPair generate(String algorithm, CryptoProvider provider) {
        try {
            var generator = provider.keyPairGenerator(algorithm);
            if (algorithm.equals(RSA)) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key: " + e.getMessage());
        }
    }

    /** Decrypts a stored key; a wrong master key fails here with a message that names no key bytes. */
    static PlatformKey load(StoredKey stored, MasterKey masterKey, CryptoProvider provider) {
        byte[] pkcs8 = masterKey.decrypt(stored.sealedPrivateKey(), stored.id());
        try {
            return fromEncoded(stored.id(), stored.algorithm(), stored.generation(), stored.activatesAt(), pkcs8,
                    stored.publicKey(), provider);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** A key from its PKCS#8 private and X.509 public encodings. */
    static PlatformKey fromEncoded(String id, String algorithm, int generation, Instant activatesAt, byte[] pkcs8,
                                   byte[] x509, CryptoProvider provider) {
        try {
            var factory = provider.keyFactory(algorithm);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(x509));
            PlatformKey key = new PlatformKey(id, algorithm, generation, activatesAt, privateKey, publicKey, provider);
            key.sign(new byte[] {0}); // fail at load time, not on the first delivery
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("stored " + algorithm + " key " + id + " is unreadable");
        }
    }

    String id() {
        return id;
    }

    String algorithm() {
        return algorithm;
    }

    int generation() {
        return generation;
    }

    Instant activatesAt() {
        return activatesAt;
    }

    boolean isActiveAt(Instant now) {
        return !activatesAt.isAfter(now);
    }

    String publicKeyPem() {
        return publicKeyPem;
    }

    /** The raw 32-byte Ed25519 public key (the X.509 encoding ends with it). */
    byte[] rawPublicKey() {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** Signs the concatenation of {@code parts}. */
    byte[] sign(byte[]... parts) {
        Signature signature = signer.get();
        try {
            for (byte[] part : parts) {
                signature.update(part);
            }
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " signing failed");
        }
    }
}
