package org.ws2.recommendations.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;
import org.ws2.service.security.Audience;

/**
 * An engagement item as the API answers it; {@code version} is also its ETag; {@code createdBy} and
 * {@code updatedBy} are null for anonymous readers.
 */
record EngagementView(
        String id,
        Kind kind,
        String title,
        LocalDate heldOn,
        String description,
        List<Link> links,
        List<String> recommendationIds,
        long version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    /** As the current caller may see it: who created and changed it (tokens' subs) only for signed-in callers. */
    static EngagementView of(Engagement e) {
        EngagementContent c = e.content();
        boolean names = Audience.current().isSignedIn();
        return new EngagementView(e.id().toString(), c.kind(), c.title(), c.heldOn(), c.description(), c.links(),
                c.recommendationIds(), e.version(), names ? e.createdBy() : null, e.createdAt(),
                names ? e.updatedBy() : null, e.updatedAt());
    }
}
