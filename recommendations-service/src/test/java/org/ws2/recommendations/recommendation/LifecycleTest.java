package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.contracts.recommendation.RecommendationStatus.DOCUMENTING;
import static org.ws2.contracts.recommendation.RecommendationStatus.IMPLEMENTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.ON_HOLD;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ws2.contracts.recommendation.RecommendationStatus;

class LifecycleTest {

    /** Work moves forward one phase at a time; no phase can be skipped. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "NOT_STARTED, PLANNING, true",
            "PLANNING, IN_PROGRESS, true",
            "IN_PROGRESS, DOCUMENTING, true",
            "DOCUMENTING, IMPLEMENTED, true",
            "NOT_STARTED, IMPLEMENTED, false",
            "NOT_STARTED, IN_PROGRESS, false",
            "PLANNING, DOCUMENTING, false",
            "IN_PROGRESS, IMPLEMENTED, false" })
    void workMovesForwardOnePhaseAtATime(RecommendationStatus from, RecommendationStatus to, boolean allowed) {
        assertThat(Lifecycle.allows(from, to)).isEqualTo(allowed);
    }

    @Test
    void anImplementedRecommendationCanOnlyBeReopenedIntoDocumenting() {
        assertThat(Lifecycle.allowedFrom(IMPLEMENTED)).containsExactly(DOCUMENTING);
    }

    @ParameterizedTest
    @EnumSource(value = RecommendationStatus.class, names = { "NOT_STARTED", "PLANNING", "IN_PROGRESS", "DOCUMENTING" })
    void everyOpenPhaseCanBePutOnHoldAndResumed(RecommendationStatus open) {
        assertThat(Lifecycle.allows(open, ON_HOLD)).isTrue();
        assertThat(Lifecycle.allows(ON_HOLD, open)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RecommendationStatus.class)
    void noStatusMovesToItself(RecommendationStatus status) {
        assertThat(Lifecycle.allows(status, status)).isFalse();
    }

    @Test
    void holdIsNotAShortcutToImplemented() {
        assertThat(Lifecycle.allows(ON_HOLD, IMPLEMENTED)).isFalse();
    }
}
