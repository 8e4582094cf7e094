package io.voltmsg.signing;

import java.time.Instant;

/** A signing key row: public part in the clear, private part sealed with the master key. */
record StoredKey(String id, String algorithm, int generation, byte[] publicKey, byte[] sealedPrivateKey,
                 Instant createdAt, Instant activatesAt) {
}
