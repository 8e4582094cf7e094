package io.voltmsg.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** Jackson 2 ({@code com.fasterxml.jackson}); loaded only after {@link EventReader} saw it on the classpath. */
final class Jackson2Reader implements JsonObjectReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Map<?, ?> readObject(byte[] json) {
        try {
            Map<?, ?> value = MAPPER.readValue(json, Map.class);
            if (value == null) {
                throw new IllegalArgumentException("the body is not a JSON object but null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not a JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not a JSON object: " + e.getMessage());
        }
    }
}
