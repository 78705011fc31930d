package org.ws2.recommendations.recommendation;

import java.time.Instant;

import org.ws2.contracts.recommendation.RecommendationSnapshot;

/**
 * One entry of a recommendation's history: who changed what, when it took effect, when it was
 * recorded and why, with the recommendation's public state before and after.
 */
public record RecommendationChange(
        long version,
        String kind,
        String actor,
        Instant changedAt,
        Instant recordedAt,
        String note,
        RecommendationSnapshot before,
        RecommendationSnapshot after) {
}
