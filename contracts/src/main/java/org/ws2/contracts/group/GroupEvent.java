package org.ws2.contracts.group;

import java.time.Instant;

import org.ws2.contracts.Ws2Event;
import org.ws2.contracts.group.GroupEvents.Registered;
import org.ws2.contracts.group.GroupEvents.Retired;
import org.ws2.contracts.group.GroupEvents.Updated;

/** The events on {@code ws2.groups.v1}, keyed by group id; each carries the group's whole state. */
public sealed interface GroupEvent extends Ws2Event permits Registered, Updated, Retired {

    GroupEvents.GroupSnapshot group();

    @Override
    default String subject() {
        return group().id();
    }

    @Override
    default Record snapshot() {
        return group();
    }

    @Override
    default long aggregateVersion() {
        return group().version();
    }

    @Override
    default Instant effectiveAt() {
        return group().updatedAt();
    }
}
