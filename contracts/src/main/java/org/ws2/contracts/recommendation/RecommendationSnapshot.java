package org.ws2.contracts.recommendation;

import java.time.Instant;
import java.util.List;

/**
 * A recommendation's whole state after a change, carried by every recommendation event so that a
 * consumer can keep its own copy without calling the recommendations service.
 *
 * @param dependsOn    ids of the recommendations this one waits on; whether they are complete is
 *                     known from their own events
 * @param evidenceCount how many pieces of implementation evidence are attached
 */
public record RecommendationSnapshot(
        String id,
        String topicPrefix,
        String topic,
        String title,
        String summary,
        Ownership ownership,
        List<SharedOwner> sharedWith,
        List<String> implementers,
        String targetQuarter,
        List<String> tags,
        RecommendationStatus status,
        CoordinationLevel coordination,
        String coordinationRationale,
        List<String> dependsOn,
        int evidenceCount,
        boolean retired,
        long version,
        Instant updatedAt) {
}
