package org.ws2.recommendations.recommendation;

import static org.ws2.contracts.recommendation.RecommendationStatus.DOCUMENTING;
import static org.ws2.contracts.recommendation.RecommendationStatus.IMPLEMENTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.IN_PROGRESS;
import static org.ws2.contracts.recommendation.RecommendationStatus.NOT_STARTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.ON_HOLD;
import static org.ws2.contracts.recommendation.RecommendationStatus.PLANNING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * Which lifecycle moves the org allows; {@code docs/lifecycle.md} explains each. Work goes
 * forward one phase at a time (planning, underway, documenting, implemented), may step back one
 * phase when a plan or its documentation has to be redone, and may be put on hold from any open
 * phase and resumed into any of them. An implemented recommendation can only be reopened into
 * documenting, since reopening means its evidence is in question.
 */
public final class Lifecycle {

    private static final Map<RecommendationStatus, Set<RecommendationStatus>> ALLOWED = new EnumMap<>(
            RecommendationStatus.class);

    static {
        ALLOWED.put(NOT_STARTED, EnumSet.of(PLANNING, ON_HOLD));
        ALLOWED.put(PLANNING, EnumSet.of(IN_PROGRESS, NOT_STARTED, ON_HOLD));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(DOCUMENTING, PLANNING, ON_HOLD));
        ALLOWED.put(DOCUMENTING, EnumSet.of(IMPLEMENTED, IN_PROGRESS, ON_HOLD));
        ALLOWED.put(IMPLEMENTED, EnumSet.of(DOCUMENTING));
        ALLOWED.put(ON_HOLD, EnumSet.of(NOT_STARTED, PLANNING, IN_PROGRESS, DOCUMENTING));
    }

    public static Set<RecommendationStatus> allowedFrom(RecommendationStatus from) {
        return Set.copyOf(ALLOWED.get(from));
    }

    public static boolean allows(RecommendationStatus from, RecommendationStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    private Lifecycle() {
    }
}
