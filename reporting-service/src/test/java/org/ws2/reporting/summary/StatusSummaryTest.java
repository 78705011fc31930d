package org.ws2.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.contracts.recommendation.RecommendationStatus;

class StatusSummaryTest {

    @Test
    void nothingKnownYetStillNamesEveryStatus() {
        StatusSummary summary = StatusSummary.of(Map.of(), null);

        assertThat(summary.total()).isZero();
        assertThat(summary.byStatus()).containsOnlyKeys(RecommendationStatus.values()).allSatisfy((s, n) -> assertThat(n).isZero());
        assertThat(summary.byPublicStatus()).containsOnlyKeys(PublicStatus.values()).allSatisfy((s, n) -> assertThat(n).isZero());
        assertThat(summary.asOf()).isNull();
    }

    @Test
    void publicStatusesGatherTheOrgStatusesTheyCover() {
        Instant asOf = Instant.parse("2021-06-28T12:00:00Z");
        StatusSummary summary = StatusSummary.of(Map.of(
                RecommendationStatus.NOT_STARTED, 5L,
                RecommendationStatus.PLANNING, 4L,
                RecommendationStatus.IN_PROGRESS, 3L,
                RecommendationStatus.DOCUMENTING, 2L,
                RecommendationStatus.ON_HOLD, 1L,
                RecommendationStatus.IMPLEMENTED, 7L), asOf);

        assertThat(summary.total()).isEqualTo(22);
        assertThat(summary.byPublicStatus()).containsExactly(
                entry(PublicStatus.NOT_STARTED, 5L),
                // planning, in progress, documenting, and on hold: started, not finished
                entry(PublicStatus.IN_PROGRESS, 10L),
                entry(PublicStatus.COMPLETE, 7L));
        assertThat(summary.byStatus()).containsEntry(RecommendationStatus.PLANNING, 4L);
        assertThat(summary.asOf()).isEqualTo(asOf);
    }

    @Test
    void statusesAreListedInLifecycleOrder() {
        StatusSummary summary = StatusSummary.of(Map.of(RecommendationStatus.ON_HOLD, 1L), null);

        assertThat(summary.byStatus().keySet()).containsExactly(RecommendationStatus.values());
        assertThat(summary.byPublicStatus().keySet()).containsExactly(PublicStatus.values());
    }
}
