package org.ws2.contracts.engagement;

import java.time.Instant;

import org.ws2.contracts.Ws2Event;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.contracts.engagement.EngagementEvents.Recorded;
import org.ws2.contracts.engagement.EngagementEvents.Removed;
import org.ws2.contracts.engagement.EngagementEvents.Updated;

/** The events on {@code ws2.engagements.v1}, keyed by engagement id; each carries the item's whole state. */
public sealed interface EngagementEvent extends Ws2Event permits Recorded, Updated, Removed {

    EngagementSnapshot engagement();

    @Override
    default String subject() {
        return engagement().id();
    }

    @Override
    default Record snapshot() {
        return engagement();
    }

    @Override
    default long aggregateVersion() {
        return engagement().version();
    }

    @Override
    default Instant effectiveAt() {
        return engagement().updatedAt();
    }
}
