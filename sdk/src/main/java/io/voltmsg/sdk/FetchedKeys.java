package io.voltmsg.sdk;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

/**
 * The keys one fetch from a voltmsg server found.
 *
 * @param rsa       {@code /id_rsa.pub}, then {@code /id_rsa.next.pub} during a rotation
 * @param ed25519   every key {@code /.well-known/webhook-keys} lists
 * @param fetchedAt when they were fetched
 */
record FetchedKeys(List<PublicKey> rsa, List<PublicKey> ed25519, Instant fetchedAt) {

    FetchedKeys {
        rsa = List.copyOf(rsa);
        ed25519 = List.copyOf(ed25519);
    }
}
