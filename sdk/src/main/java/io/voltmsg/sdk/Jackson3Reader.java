package io.voltmsg.sdk;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Jackson 3 ({@code tools.jackson}); loaded only after {@link EventReader} saw it on the classpath. */
final class Jackson3Reader implements JsonObjectReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public Object readObject(byte[] json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(NOT_AN_OBJECT + ": " + e.getOriginalMessage());
        }
    }
}
