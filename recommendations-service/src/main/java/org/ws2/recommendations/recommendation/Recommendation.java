package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.recommendation.RecommendationStatus;

/** One WS2 recommendation as the catalogue holds it. */
public record Recommendation(
        String id,
        String topicPrefix,
        String topicName,
        String title,
        String summary,
        List<String> implementers,
        String source,
        String verification,
        RecommendationStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Recommendation withStatus(RecommendationStatus newStatus, Instant at) {
        return new Recommendation(id, topicPrefix, topicName, title, summary, implementers, source, verification,
                newStatus, version + 1, createdAt, at);
    }
}
