package org.ws2.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as every WS2 topic carries it.
 *
 * <p>{@code aggregateversion} is a CloudEvents extension attribute: the version of the aggregate
 * after the change, so that a consumer can drop an event it has already applied or one older
 * than what it holds.
 *
 * @param subject the aggregate id, the same as the Kafka record key
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        long aggregateversion,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public static CloudEvent of(String source, String type, String subject, long aggregateVersion, Instant time,
            JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time,
                "application/json", EventTypes.schemaUri(type), aggregateVersion, data);
    }
}
