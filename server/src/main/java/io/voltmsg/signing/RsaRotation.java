package io.voltmsg.signing;

import java.time.Instant;

/** The outcome of {@code signing rotate-rsa}: the next key and when it becomes current. */
public record RsaRotation(String keyId, int generation, Instant activatesAt) {
}
