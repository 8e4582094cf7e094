package io.voltmsg.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** One loaded RSA key: signs SHA256withRSA (PKCS#1 v1.5), the signature Volt receivers verify. */
final class RsaKey {

    static final String ALGORITHM = "RSA";

    private final String id;
    private final PrivateKey privateKey;
    private final String publicKeyPem;

    private RsaKey(String id, PrivateKey privateKey, PublicKey publicKey) {
        this.id = id;
        this.privateKey = privateKey;
        this.publicKeyPem = Pem.encode("PUBLIC KEY", publicKey.getEncoded());
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static RsaKey load(StoredKey stored, MasterKey masterKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            byte[] pkcs8 = masterKey.decrypt(stored.sealedPrivateKey(), stored.id());
            return new RsaKey(stored.id(), factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
                    factory.generatePublic(new X509EncodedKeySpec(stored.publicKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored RSA key " + stored.id() + " is unreadable");
        }
    }

    String id() {
        return id;
    }

    String publicKeyPem() {
        return publicKeyPem;
    }

    BodySignature sign(byte[] body) {
        try {
            // Signature objects are not thread-safe and cheap to create next to the RSA work itself.
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(body);
            return new BodySignature(id, Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }
}
