package io.voltmsg.sdk;

import java.util.Map;

/** Reads a JSON object into plain Java values; implemented over whichever Jackson is on the classpath. */
interface JsonObjectReader {

    /** The object; an {@code IllegalArgumentException} when the bytes are not a JSON object. */
    Map<?, ?> readObject(byte[] json);
}
