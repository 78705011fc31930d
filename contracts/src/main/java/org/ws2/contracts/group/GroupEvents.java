package org.ws2.contracts.group;

import java.time.Instant;
import java.util.List;
import org.ws2.contracts.AggregateSnapshot;
import org.ws2.contracts.EventType;

/**
 * The events on {@code ws2.groups.v1}, keyed by group id. Each carries the group's whole state
 * ({@link GroupSnapshot}), so that a consumer keeps its own copy without calling the groups service.
 */
public final class GroupEvents {

    public static final String SOURCE = "/ws2/groups-service";

    public static final String REGISTERED = "org.ws2.group.registered.v1";
    public static final String UPDATED = "org.ws2.group.updated.v1";
    public static final String RETIRED = "org.ws2.group.retired.v1";

    /** What a contact does for the group. */
    public enum ContactRole {
        CHAIR,
        VICE_CHAIR,
        LIAISON,
        SUPPORT_STAFF,
        MEMBER,
        OTHER
    }

    /** Whether a cross-community member is a group's full representative or its alternate. */
    public enum MemberRole {
        MEMBER,
        ALTERNATE
    }

    public record Contact(String name, String email, ContactRole role) {
    }

    /**
     * A representative of another group on a cross-community structure.
     *
     * @param groupId the group represented
     */
    public record Member(String groupId, String name, String email, MemberRole role) {
    }

    /**
     * A group's whole state after a change.
     *
     * @param parent  the group above this one, or the umbrella it belongs to (e.g. "ICANN org"); null at the top
     * @param members only for {@link GroupKind#CROSS_COMMUNITY}; empty otherwise
     */
    public record GroupSnapshot(
            String id,
            String name,
            GroupKind kind,
            String parent,
            String source,
            String note,
            List<Contact> contacts,
            List<Member> members,
            boolean retired,
            String retiredReason,
            long version,
            Instant updatedAt) implements AggregateSnapshot {
    }

    /** A group entered the system: loaded from the reference data or created by a user. */
    @EventType(REGISTERED)
    public record Registered(String groupId, long version, String actor, Instant changedAt, GroupSnapshot group) implements GroupEvent {
    }

    /** A group's editable fields were replaced; {@code changedFields} names those whose value differs. */
    @EventType(UPDATED)
    public record Updated(String groupId, long version, String actor, Instant changedAt, List<String> changedFields,
            String note, GroupSnapshot group) implements GroupEvent {
    }

    /** The group no longer takes new work; it is kept, with its assignments and history. */
    @EventType(RETIRED)
    public record Retired(String groupId, long version, String actor, Instant changedAt, String reason,
            GroupSnapshot group) implements GroupEvent {
    }

    private GroupEvents() {
    }
}
