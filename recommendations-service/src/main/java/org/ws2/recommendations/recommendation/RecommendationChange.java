package org.ws2.recommendations.recommendation;

import java.time.Instant;

/** One entry of a recommendation's history: who changed what, when and why. */
public record RecommendationChange(
        long version,
        String kind,
        String actor,
        Instant changedAt,
        String note,
        Recommendation before,
        Recommendation after) {
}
