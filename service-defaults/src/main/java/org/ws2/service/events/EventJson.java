package org.ws2.service.events;

import org.ws2.contracts.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads CloudEvents and their payloads. Reading is tolerant of fields it does not know,
 * unlike the services' HTTP input: a producer may add fields to a v1 event without breaking any
 * consumer.
 */
public class EventJson {

    private final JsonMapper jsonMapper;

    public EventJson(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public JsonNode toData(Object payload) {
        return jsonMapper.valueToTree(payload);
    }

    public String write(CloudEvent event) {
        return jsonMapper.writeValueAsString(event);
    }

    /**
     * Reads a record value as a CloudEvent.
     *
     * @throws UnreadableEventException if it is not one: such a record is poison and goes to the
     *                                  dead-letter topic rather than being retried
     */
    public CloudEvent read(String value) {
        try {
            return jsonMapper.readValue(value, CloudEvent.class);
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEventException("Not a WS2 CloudEvent: " + abbreviate(value), e);
        }
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return jsonMapper.treeToValue(event.data(), type);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Event " + event.id() + " of type " + event.type()
                    + " does not carry a " + type.getSimpleName(), e);
        }
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 200 ? value.substring(0, 200) + "..." : value;
    }
}
