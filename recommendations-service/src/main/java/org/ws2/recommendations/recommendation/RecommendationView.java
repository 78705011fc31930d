package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * A recommendation as clients read it. {@code publicStatus} is ICANN's three-word view, derived
 * from {@code status} on every read rather than stored.
 */
public record RecommendationView(
        String id,
        String topic,
        String topicPrefix,
        String title,
        String summary,
        List<String> implementers,
        String source,
        String verification,
        RecommendationStatus status,
        PublicStatus publicStatus,
        String publicStatusLabel,
        long version,
        Instant updatedAt) {

    static RecommendationView of(Recommendation r) {
        PublicStatus publicStatus = r.status().publicStatus();
        return new RecommendationView(r.id(), r.topicName(), r.topicPrefix(), r.title(), r.summary(),
                r.implementers(), r.source(), r.verification(), r.status(), publicStatus, publicStatus.label(),
                r.version(), r.updatedAt());
    }
}
