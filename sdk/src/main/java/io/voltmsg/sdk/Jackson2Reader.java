package io.voltmsg.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** Jackson 2 ({@code com.fasterxml.jackson}); loaded only after {@link EventReader} saw it on the classpath. */
final class Jackson2Reader implements JsonObjectReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Object readObject(byte[] json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(NOT_AN_OBJECT + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(NOT_AN_OBJECT + ": " + e.getMessage());
        }
    }
}
