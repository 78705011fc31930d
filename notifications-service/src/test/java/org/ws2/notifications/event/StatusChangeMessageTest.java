package org.ws2.notifications.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;
import org.ws2.contracts.recommendation.RecommendationStatus;

class StatusChangeMessageTest {

    @Test
    void saysWhichRecommendationMovedWhereByWhomAndWhy() {
        StatusChanged change = change("1.1", "Adopt seven shared diversity elements as a common baseline",
                RecommendationStatus.NOT_STARTED, RecommendationStatus.PLANNING, "alice", "Kick-off with SO/AC chairs");

        assertThat(StatusChangeMessage.of(change)).isEqualTo("Recommendation 1.1 (Adopt seven shared diversity "
                + "elements…) moved from Not started to Planning by alice: Kick-off with SO/AC chairs");
    }

    @Test
    void aShortTitleIsShownWhole() {
        StatusChanged change = change("8.1.17", "Publish board minutes", RecommendationStatus.DOCUMENTING,
                RecommendationStatus.IMPLEMENTED, "bob", "Evidence linked");

        assertThat(StatusChangeMessage.of(change)).isEqualTo(
                "Recommendation 8.1.17 (Publish board minutes) moved from Documenting to Implemented by bob: Evidence linked");
    }

    @Test
    void leavesOutWhatTheEventDoesNotSay() {
        StatusChanged change = change("6.4.2", " ", RecommendationStatus.IN_PROGRESS, RecommendationStatus.ON_HOLD,
                null, "");

        assertThat(StatusChangeMessage.of(change)).isEqualTo("Recommendation 6.4.2 moved from In progress to On hold");
    }

    @Test
    void shortensAtAWordBoundaryOrHardWhenThereIsNone() {
        assertThat(StatusChangeMessage.shorten("x".repeat(StatusChangeMessage.TITLE_LIMIT)))
                .isEqualTo("x".repeat(StatusChangeMessage.TITLE_LIMIT));
        assertThat(StatusChangeMessage.shorten("x".repeat(StatusChangeMessage.TITLE_LIMIT + 5)))
                .isEqualTo("x".repeat(StatusChangeMessage.TITLE_LIMIT) + "…");
    }

    @Test
    void everyStatusHasAHumanLabel() {
        for (RecommendationStatus status : RecommendationStatus.values()) {
            assertThat(StatusChangeMessage.label(status)).isNotBlank().doesNotContain("_");
        }
    }

    private static StatusChanged change(String id, String title, RecommendationStatus from, RecommendationStatus to,
            String actor, String note) {
        return new StatusChanged(id, "Diversity", title, from, to, note, actor, Instant.now(), 1, null, null);
    }
}
