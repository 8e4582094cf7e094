package io.voltmsg.sdk;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * The public-key schemes: {@code RSA} (X-Respond-Flow-Signature and -Next over the body) and
 * {@code v1a} (Ed25519 over {@code id.timestamp.body}). Any signature verifying with any known key
 * passes, so both sides of a key rotation verify. When keys come from the server and nothing
 * verifies, they are fetched again (at most once a minute) and tried once more.
 */
final class AsymmetricCheck implements SchemeCheck {

    private final SignatureScheme scheme;
    private final KeySource keys;

    AsymmetricCheck(SignatureScheme scheme, KeySource keys) {
        if (scheme == SignatureScheme.V1) {
            throw new IllegalArgumentException("v1 is not a public-key scheme");
        }
        this.scheme = scheme;
        this.keys = keys;
    }

    @Override
    public SignatureScheme scheme() {
        return scheme;
    }

    @Override
    public void verify(SignedRequest request) throws WebhookVerificationException {
        String header = scheme == SignatureScheme.RSA ? WebhookVerifier.RSA_SIGNATURE : WebhookVerifier.WEBHOOK_SIGNATURE;
        List<byte[]> signatures = DecodedSignatures.decode(signatures(request), header);
        byte[] content = scheme == SignatureScheme.RSA ? request.body() : request.standardContent();
        List<PublicKey> known = keys.keys();
        if (anyVerifies(known, signatures, content)) {
            return;
        }
        if (keys.refresh() && anyVerifies(keys.keys(), signatures, content)) {
            return;
        }
        String which = known.size() == 1 ? "the " + algorithm() + " key" : "any of the " + known.size() + " " + algorithm() + " keys";
        throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH, header,
                (scheme == SignatureScheme.RSA ? header + " does not verify with " : "no v1a signature in " + header
                        + " verifies with ") + which + keys.describe());
    }

    private List<String> signatures(SignedRequest request) throws WebhookVerificationException {
        if (scheme == SignatureScheme.V1A) {
            return request.standardSignatures("v1a");
        }
        List<String> out = new ArrayList<>(request.headers().values(WebhookVerifier.RSA_SIGNATURE));
        out.removeIf(String::isBlank);
        if (out.isEmpty()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    WebhookVerifier.RSA_SIGNATURE, "missing header " + WebhookVerifier.RSA_SIGNATURE);
        }
        // During an RSA rotation the next key's signature comes along; either one verifying is enough.
        for (String next : request.headers().values(WebhookVerifier.RSA_SIGNATURE_NEXT)) {
            if (!next.isBlank()) {
                out.add(next);
            }
        }
        return out;
    }

    private String algorithm() {
        return scheme == SignatureScheme.RSA ? "RSA" : "Ed25519";
    }

    private boolean anyVerifies(List<PublicKey> candidates, List<byte[]> signatures, byte[] content) {
        String algorithm = scheme == SignatureScheme.RSA ? "SHA256withRSA" : "Ed25519";
        for (PublicKey key : candidates) {
            for (byte[] signature : signatures) {
                if (verifies(algorithm, key, signature, content)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] signature, byte[] content) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(content);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            // A signature of the wrong length or shape for this key: it simply does not verify.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " verification is unavailable in this JDK: " + e.getMessage(), e);
        }
    }
}
