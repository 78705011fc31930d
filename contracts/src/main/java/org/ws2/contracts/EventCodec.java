package org.ws2.contracts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a WS2 event becomes a CloudEvent and back. Reading is tolerant of fields it does not
 * know (a producer may add fields to a v1 event without breaking a consumer) and of types it does
 * not know (an empty result, for the consumer to skip), but a record that is not a WS2 CloudEvent, or
 * whose data does not fit its type, is poison: {@link UnreadableEventException}.
 */
public class EventCodec {

    private final JsonMapper json;

    public EventCodec(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * The envelope of {@code event}, with a fresh id.
     *
     * @param recordedAt when the system learnt of the change ({@code recordedat}); its {@code time} is the
     *                   event's effective time
     */
    public CloudEvent toCloudEvent(Ws2Event event, Instant recordedAt) {
        EventFamily family = EventFamily.of(event);
        String type = event.type();
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), family.source(), type,
                event.subject(), event.effectiveAt(), "application/json", EventTypes.schemaUri(type),
                event.aggregateVersion(), recordedAt, json.valueToTree(event));
    }

    public String write(CloudEvent event) {
        return json.writeValueAsString(event);
    }

    public String write(Ws2Event event, Instant recordedAt) {
        return write(toCloudEvent(event, recordedAt));
    }

    /** Reads a record value as a CloudEvent; a value that is not one is poison. */
    public CloudEvent read(String value) {
        try {
            return json.readValue(value, CloudEvent.class);
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEventException("Not a WS2 CloudEvent: " + abbreviate(value), e);
        }
    }

    /**
     * Reads a record value already parsed (by a consumer that keeps its JSON whole as well) as a CloudEvent;
     * a value that is not one is poison.
     */
    public CloudEvent read(JsonNode value) {
        try {
            return json.treeToValue(value, CloudEvent.class);
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEventException("Not a WS2 CloudEvent: " + abbreviate(String.valueOf(value)), e);
        }
    }

    /** The event the envelope carries; empty when this version does not know its type. */
    public Optional<Ws2Event> decode(CloudEvent event) {
        return EventFamily.recordOf(event.type()).map(record -> data(event, record));
    }

    /** The event, if it is of {@code family}'s types; empty for a type this version does not know. */
    public <F extends Ws2Event> Optional<F> decode(CloudEvent event, Class<F> family) {
        return decode(event).map(decoded -> {
            if (!family.isInstance(decoded)) {
                throw new UnreadableEventException("Event " + event.id() + " of type " + event.type()
                        + " is not a " + family.getSimpleName(), null);
            }
            return family.cast(decoded);
        });
    }

    private <T> T data(CloudEvent event, Class<T> type) {
        try {
            T data = json.treeToValue(event.data(), type);
            if (data == null) {
                throw new UnreadableEventException("Event " + event.id() + " carries no data", null);
            }
            return data;
        } catch (JacksonException | NullPointerException e) {
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
