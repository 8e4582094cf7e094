package io.voltmsg.examples.receiver;

import io.voltmsg.sdk.WebhookVerifier;
import java.io.IOException;
import java.io.PrintStream;

/**
 * A voltmsg webhook receiver in one file's worth of code: {@code java -jar receiver.jar --port 9000
 * --voltmsg http://127.0.0.1:8080 [--secret whsec_...]}. It checks RSA and v1a with the keys the server
 * publishes and, once given the webhook's secret, v1 as well.
 */
public final class ReceiverMain {

    private ReceiverMain() {
    }

    public static void main(String[] args) {
        try {
            start(ReceiverSettings.parse(args, System.getenv()), System.out);
        } catch (ReceiverSettings.BadSettings e) {
            System.err.println(e.getMessage());
            System.err.println(ReceiverSettings.USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("cannot listen: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts the receiver; it runs until closed (or the process ends). */
    static WebhookReceiver start(ReceiverSettings settings, PrintStream out) throws IOException {
        WebhookVerifier.Builder builder = WebhookVerifier.builder().fetchingKeysFrom(settings.voltmsg());
        if (!settings.secrets().isEmpty()) {
            try {
                builder.standard(settings.secrets().toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new ReceiverSettings.BadSettings("--secret: " + e.getMessage());
            }
        }
        WebhookVerifier verifier = builder.build();
        WebhookReceiver receiver = new WebhookReceiver(settings.host(), settings.port(), settings.path(), verifier, out);
        out.println("listening on http://" + settings.host() + ":" + receiver.port() + settings.path() + ", checking "
                + verifier.schemes() + " with keys from " + settings.voltmsg());
        return receiver;
    }
}
