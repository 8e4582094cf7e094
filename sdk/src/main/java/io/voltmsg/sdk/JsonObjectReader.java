package io.voltmsg.sdk;

import java.util.Map;

/** Reads a JSON object into plain Java values; implemented over whichever Jackson is on the classpath. */
interface JsonObjectReader {

    String NOT_AN_OBJECT = "the body is not a JSON object";

    /**
     * The object as a {@code Map}, or null for the JSON literal {@code null}; an {@code IllegalArgumentException}
     * when the bytes are not JSON or not an object.
     */
    Object readObject(byte[] json);

    /** The object read, refusing {@code null}. */
    static Map<?, ?> requireObject(JsonObjectReader reader, byte[] json) {
        if (reader.readObject(json) instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(NOT_AN_OBJECT + " but null");
    }
}
