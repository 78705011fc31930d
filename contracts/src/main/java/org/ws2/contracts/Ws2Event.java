package org.ws2.contracts;

import java.time.Instant;

/**
 * One change to one aggregate, as every WS2 topic carries it. Each event record belongs to exactly one
 * sealed family (one per topic, see {@link EventFamily}) and names its CloudEvents type with
 * {@link EventType}, so a record and its type can never drift apart.
 */
public interface Ws2Event {

    /** The CloudEvents {@code type}, e.g. {@code org.ws2.recommendation.status-changed.v1}. */
    default String type() {
        return EventFamily.typeOf(getClass());
    }

    /** The short name of the type, e.g. {@code status-changed}: what a history entry calls the change. */
    default String name() {
        return EventTypes.name(type());
    }

    /** The CloudEvents {@code subject}, also the Kafka record key: events with one subject stay in order. */
    String subject();

    /** The id of the aggregate whose version {@link #aggregateVersion()} is; usually the subject. */
    default String aggregateId() {
        return subject();
    }

    /** The aggregate's version after the change: consumers apply only a newer one. */
    long aggregateVersion();

    /** The aggregate's whole public state after the change, as the event carries it and history keeps it. */
    Record snapshot();

    /** When the change took effect (CloudEvents {@code time}); earlier than now when history is entered later. */
    Instant effectiveAt();
}
