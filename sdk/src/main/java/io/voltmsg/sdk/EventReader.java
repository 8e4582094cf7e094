package io.voltmsg.sdk;

/**
 * Turns a verified body into a {@link WebhookEvent} with the Jackson the receiver already has:
 * Jackson 3 when present, else Jackson 2. Without either it fails with a plain message; verification
 * itself never needs Jackson.
 */
final class EventReader {

    static final String NO_JACKSON = "VerifiedWebhook.event() needs Jackson on the classpath "
            + "(tools.jackson.core:jackson-databind 3.x or com.fasterxml.jackson.core:jackson-databind 2.x); "
            + "add one, or read body() with the JSON library you use. Verification does not need it.";

    private static final JsonObjectReader READER = detect(EventReader.class.getClassLoader());

    private EventReader() {
    }

    static WebhookEvent read(byte[] body) {
        if (READER == null) {
            throw new IllegalStateException(NO_JACKSON);
        }
        return EventMapping.toEvent(JsonObjectReader.requireObject(READER, body));
    }

    /** The reader over the first Jackson {@code loader} can load, or null. */
    static JsonObjectReader detect(ClassLoader loader) {
        if (present("tools.jackson.databind.json.JsonMapper", loader)) {
            try {
                return new Jackson3Reader();
            } catch (LinkageError e) {
                // jackson-databind without a matching jackson-core: try the other major version
            }
        }
        if (present("com.fasterxml.jackson.databind.ObjectMapper", loader)) {
            try {
                return new Jackson2Reader();
            } catch (LinkageError e) {
                return null;
            }
        }
        return null;
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
