package org.ws2.recommendations.engagement;

import java.time.Instant;
import java.util.UUID;

import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.service.changes.Versioned;

/**
 * An engagement item as stored: its content, its version (0 when recorded, one more per change)
 * and who recorded, last changed and, if it was withdrawn, removed it, and when.
 */
record Engagement(
        UUID id,
        EngagementContent content,
        long version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        String removedBy,
        Instant removedAt) implements Versioned {

    static Engagement recorded(UUID id, EngagementContent content, String actor, Instant at) {
        return new Engagement(id, content, 0, actor, at, actor, at, null, null);
    }

    boolean removed() {
        return removedAt != null;
    }

    Engagement edited(EngagementContent newContent, String actor, Instant at) {
        return new Engagement(id, newContent, version + 1, createdBy, createdAt, actor, at, null, null);
    }

    Engagement removed(String actor, Instant at) {
        return new Engagement(id, content, version + 1, createdBy, createdAt, actor, at, actor, at);
    }

    EngagementSnapshot snapshot() {
        return new EngagementSnapshot(id.toString(), content.kind(), content.title(), content.heldOn(),
                content.description(), content.links(), content.recommendationIds(), content.meeting(),
                content.groupIds(), removed(), version, createdBy,
                createdAt, updatedBy, updatedAt, removedBy, removedAt);
    }
}
