package org.ws2.contracts.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ws2.contracts.AggregateSnapshot;
import org.ws2.contracts.EventType;

/**
 * The events on {@code ws2.engagements.v1}, keyed by engagement id (a UUID): the meetings,
 * webinars and other engagement items of WS2 implementation, with links to their materials and the
 * recommendations they concern. Each event carries the item's whole state, so that a consumer can
 * keep its own copy without calling the recommendations service back.
 */
public final class EngagementEvents {

    public static final String SOURCE = "/ws2/recommendations-service";

    public static final String RECORDED = "org.ws2.engagement.recorded.v1";
    public static final String UPDATED = "org.ws2.engagement.updated.v1";
    public static final String REMOVED = "org.ws2.engagement.removed.v1";

    /** What sort of engagement an item is. */
    public enum Kind {
        MEETING,
        WEBINAR,
        WORKSHOP,
        PUBLIC_COMMENT,
        OTHER
    }

    /** A link to the item's materials (agenda, slides, recording, wiki page); always http(s). */
    public record Link(String title, String url) {
    }

    /**
     * An engagement item's whole state after a change.
     *
     * @param recommendationIds the recommendations the item concerns, in the order they were given
     * @param meeting           the ICANN public meeting it was part of, as ICANN numbers them ({@code ICANN71}),
     *                          or null; absent from events written before it existed
     * @param groupIds          the community groups involved, in the order they were given, each once; empty
     *                          (also when absent, in events written before it existed)
     * @param removed           whether the item was withdrawn; it is then no longer listed
     * @param removedBy         who withdrew it, or null
     * @param removedAt         when it was withdrawn, or null
     */
    public record EngagementSnapshot(
            String id,
            Kind kind,
            String title,
            LocalDate heldOn,
            String description,
            List<Link> links,
            List<String> recommendationIds,
            String meeting,
            List<String> groupIds,
            boolean removed,
            long version,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt,
            String removedBy,
            Instant removedAt) implements AggregateSnapshot {

        public EngagementSnapshot {
            groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        }

        /** An item named at no ICANN public meeting and with no groups, as producers wrote them before both existed. */
        public EngagementSnapshot(String id, Kind kind, String title, LocalDate heldOn, String description,
                List<Link> links, List<String> recommendationIds, boolean removed, long version, String createdBy,
                Instant createdAt, String updatedBy, Instant updatedAt, String removedBy, Instant removedAt) {
            this(id, kind, title, heldOn, description, links, recommendationIds, null, List.of(), removed, version,
                    createdBy, createdAt, updatedBy, updatedAt, removedBy, removedAt);
        }
    }

    /** An engagement item was recorded (seeded from the Q2 2021 update or created by a user). */
    @EventType(RECORDED)
    public record Recorded(
            String engagementId,
            long version,
            String actor,
            Instant changedAt,
            EngagementSnapshot engagement) implements EngagementEvent {
    }

    /**
     * An engagement item's editable fields were replaced.
     *
     * @param changedFields the names of the fields whose value differs from the previous version
     */
    @EventType(UPDATED)
    public record Updated(
            String engagementId,
            long version,
            String actor,
            Instant changedAt,
            List<String> changedFields,
            EngagementSnapshot engagement) implements EngagementEvent {
    }

    /** An engagement item was withdrawn; it is kept, but no longer listed. */
    @EventType(REMOVED)
    public record Removed(
            String engagementId,
            long version,
            String actor,
            Instant changedAt,
            EngagementSnapshot engagement) implements EngagementEvent {
    }

    private EngagementEvents() {
    }
}
