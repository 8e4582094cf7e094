package io.voltmsg.signing;

import io.voltmsg.shared.StartupProblem;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The key-encryption key: AES-256-GCM over private keys and endpoint secrets, with a fresh 12-byte nonce each time. */
final class MasterKey {

    static final String HOW_TO_MAKE_ONE = "generate one with `openssl rand -base64 32`";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private MasterKey(byte[] raw) {
        this.key = new SecretKeySpec(raw, "AES");
    }

    static MasterKey fromBase64(String text) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new StartupProblem("voltmsg.signing.master-key (env VOLTMSG_SIGNING_MASTER_KEY) is not valid base64.",
                    "Set it to the key these signing keys were created with, or for a new installation "
                            + HOW_TO_MAKE_ONE + ".");
        }
        if (raw.length != 32) {
            throw new StartupProblem("voltmsg.signing.master-key (env VOLTMSG_SIGNING_MASTER_KEY) must be base64 of "
                    + "exactly 32 bytes (it has " + raw.length + ").",
                    "Set it to the key these signing keys were created with, or for a new installation "
                            + HOW_TO_MAKE_ONE + ".");
        }
        return new MasterKey(raw);
    }

    static String generateBase64() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    byte[] encrypt(byte[] plain, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt key material", e);
        }
    }

    byte[] decrypt(byte[] sealed, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Never include key bytes: the message only says what to check.
            throw new StartupProblem("The master key cannot decrypt the stored signing keys: voltmsg.signing.master-key "
                    + "(env VOLTMSG_SIGNING_MASTER_KEY, or master.key in the data directory) is not the one they were "
                    + "created with.", "Set voltmsg.signing.master-key to the key this database was created with (every "
                    + "instance needs the same one); a lost key cannot be recovered.");
        }
    }
}
