package io.voltmsg.sdk;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Base64 signatures of one scheme, decoded; entries that are not base64 are left out and counted. */
final class DecodedSignatures {

    private DecodedSignatures() {
    }

    /** The decoded signatures; fails with {@code BAD_BASE64} only when none of them decodes. */
    static List<byte[]> decode(List<String> base64, String header) throws WebhookVerificationException {
        List<byte[]> out = new ArrayList<>(base64.size());
        for (String value : base64) {
            try {
                byte[] decoded = Base64.getDecoder().decode(value.strip());
                if (decoded.length > 0) {
                    out.add(decoded);
                }
            } catch (IllegalArgumentException e) {
                // Not base64: another entry may still verify.
            }
        }
        if (out.isEmpty()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.BAD_BASE64, header,
                    base64.size() == 1 ? "the signature in " + header + " is not valid base64"
                            : "none of the " + base64.size() + " signatures in " + header + " is valid base64");
        }
        return out;
    }
}
