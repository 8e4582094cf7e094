package io.voltmsg.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One request being verified: its headers, raw body, and the Standard Webhooks id and timestamp.
 *
 * @param timestampText the {@code webhook-timestamp} exactly as sent: it is part of the signed content
 */
record SignedRequest(RequestHeaders headers, byte[] body, String id, String timestampText, Instant timestamp) {

    /** What {@code v1} and {@code v1a} sign: {@code id + "." + timestamp + "." + body}, as bytes. */
    byte[] standardContent() {
        byte[] prefix = (id + "." + timestampText + ".").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    /**
     * The base64 parts of the {@code webhook-signature} entries of one version ({@code v1}, {@code v1a}),
     * from every value of the header. Entries of other versions are skipped: they may be newer schemes.
     */
    List<String> standardSignatures(String version) throws WebhookVerificationException {
        List<String> values = headers.values(WebhookVerifier.WEBHOOK_SIGNATURE);
        List<String> out = new ArrayList<>();
        boolean any = false;
        for (String value : values) {
            for (String entry : value.strip().split("\\s+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                any = true;
                int comma = entry.indexOf(',');
                if (comma > 0 && entry.substring(0, comma).equals(version)) {
                    out.add(entry.substring(comma + 1));
                }
            }
        }
        if (!any) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    WebhookVerifier.WEBHOOK_SIGNATURE, "missing header " + WebhookVerifier.WEBHOOK_SIGNATURE);
        }
        if (out.isEmpty()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_SIGNATURE,
                    WebhookVerifier.WEBHOOK_SIGNATURE, WebhookVerifier.WEBHOOK_SIGNATURE + " has no " + version
                    + "," + " entry");
        }
        return out;
    }
}
