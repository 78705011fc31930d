package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.contracts.recommendation.RecommendationStatus.DOCUMENTING;
import static org.ws2.contracts.recommendation.RecommendationStatus.IMPLEMENTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.IN_PROGRESS;
import static org.ws2.contracts.recommendation.RecommendationStatus.NOT_STARTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.ON_HOLD;
import static org.ws2.contracts.recommendation.RecommendationStatus.PLANNING;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ws2.contracts.recommendation.RecommendationStatus;

class LifecycleTest {

    @Test
    void workMovesForwardOnePhaseAtATime() {
        assertThat(Lifecycle.allows(NOT_STARTED, PLANNING)).isTrue();
        assertThat(Lifecycle.allows(PLANNING, IN_PROGRESS)).isTrue();
        assertThat(Lifecycle.allows(IN_PROGRESS, DOCUMENTING)).isTrue();
        assertThat(Lifecycle.allows(DOCUMENTING, IMPLEMENTED)).isTrue();
    }

    @Test
    void noPhaseCanBeSkipped() {
        assertThat(Lifecycle.allows(NOT_STARTED, IMPLEMENTED)).isFalse();
        assertThat(Lifecycle.allows(NOT_STARTED, IN_PROGRESS)).isFalse();
        assertThat(Lifecycle.allows(PLANNING, DOCUMENTING)).isFalse();
        assertThat(Lifecycle.allows(IN_PROGRESS, IMPLEMENTED)).isFalse();
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
