package org.ws2.recommendations.recommendation;

import java.time.Instant;

import org.ws2.contracts.recommendation.RecommendationSnapshot;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of a recommendation's history: who changed what, when it took effect, when it was
 * recorded and why, with the recommendation's public state before and after.
 */
@Schema(name = "RecommendationChange") // the OpenAPI document's name for this entry, kept for generated clients
public record RecommendationHistoryEntry(
        long version,
        String kind,
        String actor,
        Instant changedAt,
        Instant recordedAt,
        String note,
        RecommendationSnapshot before,
        RecommendationSnapshot after) {
}
