package org.ws2.recommendations.engagement;

import java.time.Instant;

import org.ws2.service.security.Audience;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An engagement item as the API answers it: its content, the fields at the top level, then
 * {@code version}, also its ETag, and who and when; {@code createdBy} and {@code updatedBy} are null
 * for anonymous readers.
 */
record EngagementView(
        String id,
        @JsonUnwrapped EngagementContent content,
        long version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    /** As the current caller may see it: who created and changed it (tokens' subs) only for signed-in callers. */
    static EngagementView of(Engagement e) {
        boolean names = Audience.current().isSignedIn();
        return new EngagementView(e.id().toString(), e.content(), e.version(), names ? e.createdBy() : null,
                e.createdAt(), names ? e.updatedBy() : null, e.updatedAt());
    }
}
