package org.ws2.web.overview;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    static Map<String, Object> rec(String id, String ownership, String publicStatus, String flag, List<String> waitingOn) {
        return Map.of("id", id, "topicPrefix", id.substring(0, 1), "topic", "Topic " + id.charAt(0), "ownership", ownership,
                "publicStatus", publicStatus, "coordination", Map.of("level", flag), "waitingOn", waitingOn,
                "updatedAt", "2026-11-30T00:00:0" + id.charAt(id.length() - 1) + "Z");
    }

    @Test
    void countsACoOwnedRecommendationInBothPortfoliosAsIcannDoes() {
        Progress progress = Progress.of(List.of(
                rec("1.1", "ORG", "NOT_STARTED", "REQUIRED", List.of()),
                rec("1.2", "COMMUNITY", "IN_PROGRESS", "NONE", List.of("1.1")),
                rec("2.1", "CO_OWNED", "COMPLETE", "WOULD_BENEFIT", List.of())));

        assertThat(progress.total()).isEqualTo(3);
        assertThat(progress.byStatus()).containsEntry("NOT_STARTED", 1).containsEntry("IN_PROGRESS", 1).containsEntry("COMPLETE", 1);
        assertThat(progress.byPortfolio()).containsExactly(
                new Progress.Row("ICANN org portfolio", 1, 0, 1),
                new Progress.Row("Community portfolio", 0, 1, 1));
        assertThat(progress.byTopic()).extracting(Progress.Row::label).containsExactly("1 Topic 1", "2 Topic 2");
        assertThat(progress.byTopic().get(0).count()).isEqualTo(2);
        assertThat(progress.flagged()).extracting(r -> r.get("id")).containsExactly("1.1", "2.1");
        assertThat(progress.waiting()).extracting(r -> r.get("id")).containsExactly("1.2");
        assertThat(progress.recentlyCompleted()).extracting(r -> r.get("id")).containsExactly("2.1");
    }

    @Test
    void barsAddUpToTheRowAndAnEmptyRowHasNoBar() {
        Progress.Row row = new Progress.Row("x", 1, 1, 2);
        assertThat(row.notStartedPct() + row.inProgressPct() + row.completePct()).isEqualTo(100);
        assertThat(new Progress.Row("empty", 0, 0, 0).completePct()).isZero();
    }
}
