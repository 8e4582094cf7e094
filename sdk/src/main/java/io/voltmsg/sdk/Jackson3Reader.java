package io.voltmsg.sdk;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Jackson 3 ({@code tools.jackson}); loaded only after {@link EventReader} saw it on the classpath. */
final class Jackson3Reader implements JsonObjectReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public Map<?, ?> readObject(byte[] json) {
        try {
            Map<?, ?> value = MAPPER.readValue(json, Map.class);
            if (value == null) {
                throw new IllegalArgumentException("the body is not a JSON object but null");
            }
            return value;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not a JSON object: " + e.getOriginalMessage());
        }
    }
}
