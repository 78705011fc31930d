package org.ws2.contracts;

import java.time.Instant;

/** What every aggregate's published state has in common: its id, its version and when it last changed. */
public interface AggregateSnapshot {

    String id();

    long version();

    Instant updatedAt();
}
