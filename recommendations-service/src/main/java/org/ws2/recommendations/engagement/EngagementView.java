package org.ws2.recommendations.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;

/** An engagement item as the API answers it; {@code version} is also its ETag. */
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

    static EngagementView of(Engagement e) {
        EngagementContent c = e.content();
        return new EngagementView(e.id().toString(), c.kind(), c.title(), c.heldOn(), c.description(), c.links(),
                c.recommendationIds(), e.version(), e.createdBy(), e.createdAt(), e.updatedBy(), e.updatedAt());
    }
}
