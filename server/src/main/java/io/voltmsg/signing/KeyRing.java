package io.voltmsg.signing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The platform keys loaded at one moment, immutable: swapped whole when the keys table changes.
 * Which key is current is decided by time (the newest generation whose {@code activates_at} has
 * passed), so a rotation's overlap ends at the same instant on every instance.
 */
final class KeyRing {

    private final List<PlatformKey> rsa;
    private final List<PlatformKey> ed25519;

    KeyRing(List<PlatformKey> rsa, List<PlatformKey> ed25519) {
        if (rsa.isEmpty() || ed25519.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs an RSA and an Ed25519 key");
        }
        this.rsa = rsa.stream().sorted(Comparator.comparingInt(PlatformKey::generation)).toList();
        this.ed25519 = ed25519.stream().sorted(Comparator.comparingInt(PlatformKey::generation)).toList();
    }

    PlatformKey currentRsa(Instant now) {
        return current(rsa, now);
    }

    /** The key a rotation made that is not current yet (during the overlap), if any. */
    Optional<PlatformKey> nextRsa(Instant now) {
        return rsa.stream().filter(k -> !k.isActiveAt(now)).findFirst();
    }

    PlatformKey currentEd25519(Instant now) {
        return current(ed25519, now);
    }

    List<PlatformKey> ed25519() {
        return ed25519;
    }

    List<PlatformKey> rsa() {
        return rsa;
    }

    private static PlatformKey current(List<PlatformKey> keys, Instant now) {
        PlatformKey current = keys.get(0);
        for (PlatformKey key : keys) {
            if (key.isActiveAt(now)) {
                current = key;
            }
        }
        return current;
    }
}
