package org.ws2.web.overview;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    static Map<String, Object> counts(int notStarted, int inProgress, int complete) {
        return Map.of("NOT_STARTED", notStarted, "IN_PROGRESS", inProgress, "COMPLETE", complete);
    }

    /** The shape of reporting-service's {@code GET /api/reports/progress}. */
    static final Map<String, Object> PROGRESS = Map.of(
            "asOf", "2026-11-30T03:57:33.181139Z",
            "total", 3,
            "byStatus", Map.of("NOT_STARTED", 1, "PLANNING", 1, "IMPLEMENTED", 1),
            "byPublicStatus", counts(1, 1, 1),
            "byTopic", List.of(
                    Map.of("prefix", "1", "topic", "Diversity", "total", 2, "byPublicStatus", counts(1, 1, 0)),
                    Map.of("prefix", "2", "topic", "Guidelines for Good Faith", "total", 1, "byPublicStatus", counts(0, 0, 1))),
            // 2.1 is co-owned: counted in both portfolios
            "byPortfolio", Map.of(
                    "ORG", Map.of("total", 2, "byPublicStatus", counts(1, 0, 1)),
                    "COMMUNITY", Map.of("total", 2, "byPublicStatus", counts(0, 1, 1)),
                    "CO_OWNED", Map.of("total", 1, "byPublicStatus", counts(0, 0, 1))),
            "coordination", List.of(Map.of("id", "1.1", "level", "REQUIRED")),
            "waiting", List.of(Map.of("id", "1.2", "waitsOn", List.of("1.1"))));

    @Test
    void readsTheFiguresOfTheProgressReadModel() {
        Progress progress = Progress.of(PROGRESS, List.of(Map.of("id", "2.1")));

        assertThat(progress.total()).isEqualTo(3);
        assertThat(progress.byStatus()).containsExactly(Map.entry("NOT_STARTED", 1), Map.entry("IN_PROGRESS", 1),
                Map.entry("COMPLETE", 1));
        assertThat(progress.byPortfolio()).containsExactly(
                new Progress.Row("ICANN org portfolio", 1, 0, 1),
                new Progress.Row("Community portfolio", 0, 1, 1));
        assertThat(progress.byTopic()).containsExactly(
                new Progress.Row("1 Diversity", 1, 1, 0),
                new Progress.Row("2 Guidelines for Good Faith", 0, 0, 1));
        assertThat(progress.flagged()).extracting(r -> r.get("id")).containsExactly("1.1");
        assertThat(progress.waiting()).extracting(r -> r.get("id")).containsExactly("1.2");
        assertThat(progress.recentlyCompleted()).extracting(r -> r.get("id")).containsExactly("2.1");
        assertThat(progress.byLifecycleStatus()).containsEntry("PLANNING", 1);
        assertThat(progress.asOf()).isEqualTo("2026-11-30T03:57:33.181139Z");
    }

    @Test
    void anEmptyReadModelIsAllZeros() {
        Progress progress = Progress.of(Map.of("total", 0), List.of());

        assertThat(progress.total()).isZero();
        assertThat(progress.byStatus()).containsOnly(Map.entry("NOT_STARTED", 0), Map.entry("IN_PROGRESS", 0),
                Map.entry("COMPLETE", 0));
        assertThat(progress.byPortfolio()).extracting(Progress.Row::count).containsExactly(0, 0);
        assertThat(progress.byTopic()).isEmpty();
    }

    @Test
    void barsAddUpToTheRowAndAnEmptyRowHasNoBar() {
        Progress.Row row = new Progress.Row("x", 1, 1, 2);
        assertThat(row.notStartedPct() + row.inProgressPct() + row.completePct()).isEqualTo(100);
        assertThat(new Progress.Row("empty", 0, 0, 0).completePct()).isZero();
    }
}
