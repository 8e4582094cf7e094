package io.voltmsg.sdk;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The public keys of one scheme: those given to the builder, plus those fetched from the server when asked to. */
final class KeySource {

    private final List<PublicKey> configured;
    private final RemoteKeys remote;
    private final Function<FetchedKeys, List<PublicKey>> select;

    KeySource(List<PublicKey> configured, RemoteKeys remote, Function<FetchedKeys, List<PublicKey>> select) {
        this.configured = List.copyOf(configured);
        this.remote = remote;
        this.select = select;
    }

    /** The keys to try; without any (the server's could not be fetched and none was given) it fails with KEYS_UNAVAILABLE. */
    List<PublicKey> keys() throws WebhookVerificationException {
        if (remote == null) {
            return configured;
        }
        List<PublicKey> fetched;
        try {
            fetched = select.apply(remote.current());
        } catch (WebhookVerificationException e) {
            if (configured.isEmpty()) {
                throw e;
            }
            return configured;
        }
        if (configured.isEmpty()) {
            return fetched;
        }
        List<PublicKey> all = new ArrayList<>(configured);
        all.addAll(fetched);
        return all;
    }

    /** Fetches the server's keys again if allowed now (at most once a minute); true when there is something new to try. */
    boolean refresh() {
        return remote != null && remote.refreshAfterMismatch();
    }

    /** Where the keys come from, for messages. */
    String describe() {
        return remote == null ? "" : " (" + remote.describe() + ")";
    }
}
