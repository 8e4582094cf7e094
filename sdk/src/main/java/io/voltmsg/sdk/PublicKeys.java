package io.voltmsg.sdk;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the public keys voltmsg publishes: PEM SubjectPublicKeyInfo, and the Standard Webhooks {@code whpk_} form. */
final class PublicKeys {

    static final String WHPK_PREFIX = "whpk_";
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";
    /** DER of an Ed25519 SubjectPublicKeyInfo up to the 32 raw key bytes (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private PublicKeys() {
    }

    /** An RSA public key from PEM ({@code -----BEGIN PUBLIC KEY-----}, as {@code /id_rsa.pub} serves it). */
    static PublicKey rsaFromPem(String pem) {
        PublicKey key = generate("RSA", spkiFromPem(pem, "RSA"), "an RSA");
        if (((RSAPublicKey) key).getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("the RSA key has fewer than 2048 bits");
        }
        return key;
    }

    /** An Ed25519 public key from {@code whpk_<base64 of the raw 32 bytes>} or from PEM. */
    static PublicKey ed25519(String whpkOrPem) {
        if (whpkOrPem == null) {
            throw new IllegalArgumentException("the Ed25519 key is null");
        }
        String value = whpkOrPem.strip();
        if (value.startsWith(PEM_BEGIN)) {
            return generate("Ed25519", spkiFromPem(value, "Ed25519"), "an Ed25519");
        }
        if (!value.startsWith(WHPK_PREFIX)) {
            throw new IllegalArgumentException("an Ed25519 key must be whpk_<base64> or a PEM public key");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value.substring(WHPK_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the whpk_ key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("a whpk_ key holds 32 bytes, this one " + raw.length);
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return generate("Ed25519", spki, "an Ed25519");
    }

    private static byte[] spkiFromPem(String pem, String algorithm) {
        if (pem == null) {
            throw new IllegalArgumentException("the " + algorithm + " public key is null");
        }
        String text = pem.strip();
        int begin = text.indexOf(PEM_BEGIN);
        int end = text.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            if (text.contains("-----BEGIN RSA PUBLIC KEY-----")) {
                throw new IllegalArgumentException("a PKCS#1 'RSA PUBLIC KEY' PEM is not supported: use the "
                        + "'PUBLIC KEY' (SubjectPublicKeyInfo) PEM that /id_rsa.pub serves");
            }
            throw new IllegalArgumentException("the " + algorithm + " public key is not a PEM '" + PEM_BEGIN + "' block");
        }
        String base64 = text.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + algorithm + " public key PEM is not valid base64");
        }
    }

    private static PublicKey generate(String algorithm, byte[] spki, String what) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the key is not " + what + " public key");
        }
    }
}
