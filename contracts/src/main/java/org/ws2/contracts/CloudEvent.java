package org.ws2.contracts;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as every WS2 topic carries it.
 *
 * <p>{@code aggregateversion} is a CloudEvents extension attribute: the version of the aggregate
 * after the change, so that a consumer can drop an event it has already applied or one older
 * than what it holds. {@code recordedat}, another extension, is when the system learnt of the change;
 * {@code time} is when it took effect, which is earlier when past facts are entered later. "As of"
 * views use {@code time}. Events written before {@code recordedat} existed lack it.
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
        Instant recordedat,
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

}
