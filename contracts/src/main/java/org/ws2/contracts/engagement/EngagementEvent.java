package org.ws2.contracts.engagement;

import org.ws2.contracts.SnapshotEvent;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.contracts.engagement.EngagementEvents.Recorded;
import org.ws2.contracts.engagement.EngagementEvents.Removed;
import org.ws2.contracts.engagement.EngagementEvents.Updated;

/** The events on {@code ws2.engagements.v1}, keyed by engagement id; each carries the item's whole state. */
public sealed interface EngagementEvent extends SnapshotEvent<EngagementSnapshot> permits Recorded, Updated, Removed {

    EngagementSnapshot engagement();

    @Override
    default EngagementSnapshot snapshot() {
        return engagement();
    }
}
