package org.ws2.contracts;

import java.time.Instant;

/**
 * An event that carries its aggregate's whole state: its subject, version and effective time are those of
 * the snapshot, so that an event and the state it carries cannot disagree.
 *
 * @param <S> the aggregate's published state
 */
public interface SnapshotEvent<S extends Record & AggregateSnapshot> extends Ws2Event {

    @Override
    S snapshot();

    @Override
    default String subject() {
        return snapshot().id();
    }

    @Override
    default long aggregateVersion() {
        return snapshot().version();
    }

    @Override
    default Instant effectiveAt() {
        return snapshot().updatedAt();
    }
}
