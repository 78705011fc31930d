package org.ws2.contracts.recommendation;

import java.time.Instant;

/**
 * The events on {@code ws2.recommendations.v1}, keyed by recommendation id. Each carries the
 * state a consumer needs, so that no consumer has to call the recommendations service back.
 */
public final class RecommendationEvents {

    public static final String SOURCE = "/ws2/recommendations-service";

    public static final String REGISTERED = "org.ws2.recommendation.registered.v1";
    public static final String STATUS_CHANGED = "org.ws2.recommendation.status-changed.v1";

    /** A recommendation entered the catalogue (seeded from the WS2 data or created by a user). */
    public record Registered(
            String recommendationId,
            String topic,
            String title,
            RecommendationStatus status,
            long version) {
    }

    /** A recommendation moved through its lifecycle. */
    public record StatusChanged(
            String recommendationId,
            String topic,
            String title,
            RecommendationStatus from,
            RecommendationStatus to,
            String note,
            String actor,
            Instant changedAt,
            long version) {
    }

    private RecommendationEvents() {
    }
}
