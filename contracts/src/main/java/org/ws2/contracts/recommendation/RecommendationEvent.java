package org.ws2.contracts.recommendation;

import org.ws2.contracts.SnapshotEvent;
import org.ws2.contracts.recommendation.RecommendationEvents.CoordinationFlagSet;
import org.ws2.contracts.recommendation.RecommendationEvents.DependenciesChanged;
import org.ws2.contracts.recommendation.RecommendationEvents.DetailsUpdated;
import org.ws2.contracts.recommendation.RecommendationEvents.EvidenceAdded;
import org.ws2.contracts.recommendation.RecommendationEvents.EvidenceRemoved;
import org.ws2.contracts.recommendation.RecommendationEvents.Registered;
import org.ws2.contracts.recommendation.RecommendationEvents.Retired;
import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;

/**
 * The events on {@code ws2.recommendations.v1}, keyed by recommendation id. Every one carries the
 * recommendation's whole state after the change, so a consumer that keeps a copy reads only
 * {@link #recommendation()} and new types reach it without a change on its side.
 */
public sealed interface RecommendationEvent extends SnapshotEvent<RecommendationSnapshot> permits Registered, StatusChanged, DetailsUpdated,
        Retired, DependenciesChanged, CoordinationFlagSet, EvidenceAdded, EvidenceRemoved {

    RecommendationSnapshot recommendation();

    @Override
    default RecommendationSnapshot snapshot() {
        return recommendation();
    }
}
