package org.ws2.contracts.group;

import org.ws2.contracts.SnapshotEvent;
import org.ws2.contracts.group.GroupEvents.Registered;
import org.ws2.contracts.group.GroupEvents.Retired;
import org.ws2.contracts.group.GroupEvents.Updated;

/** The events on {@code ws2.groups.v1}, keyed by group id; each carries the group's whole state. */
public sealed interface GroupEvent extends SnapshotEvent<GroupEvents.GroupSnapshot> permits Registered, Updated, Retired {

    GroupEvents.GroupSnapshot group();

    @Override
    default GroupEvents.GroupSnapshot snapshot() {
        return group();
    }
}
