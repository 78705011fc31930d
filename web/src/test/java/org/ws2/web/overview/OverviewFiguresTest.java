package org.ws2.web.overview;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewFiguresTest {

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
        OverviewFigures figures = OverviewFigures.of(PROGRESS, List.of(Map.of("id", "2.1")));

        assertThat(figures.total()).isEqualTo(3);
        assertThat(figures.byStatus()).containsExactly(Map.entry("NOT_STARTED", 1), Map.entry("IN_PROGRESS", 1),
                Map.entry("COMPLETE", 1));
        assertThat(figures.byPortfolio()).containsExactly(
                new OverviewFigures.Row("ICANN org portfolio", 1, 0, 1),
                new OverviewFigures.Row("Community portfolio", 0, 1, 1));
        assertThat(figures.byTopic()).containsExactly(
                new OverviewFigures.Row("1 Diversity", 1, 1, 0),
                new OverviewFigures.Row("2 Guidelines for Good Faith", 0, 0, 1));
        assertThat(figures.flagged()).extracting(r -> r.get("id")).containsExactly("1.1");
        assertThat(figures.waiting()).extracting(r -> r.get("id")).containsExactly("1.2");
        assertThat(figures.recentlyCompleted()).extracting(r -> r.get("id")).containsExactly("2.1");
        assertThat(figures.byLifecycleStatus()).containsEntry("PLANNING", 1);
        assertThat(figures.asOf()).isEqualTo("2026-11-30T03:57:33.181139Z");
    }

    @Test
    void anEmptyReadModelIsAllZeros() {
        OverviewFigures figures = OverviewFigures.of(Map.of("total", 0), List.of());

        assertThat(figures.total()).isZero();
        assertThat(figures.byStatus()).containsOnly(Map.entry("NOT_STARTED", 0), Map.entry("IN_PROGRESS", 0),
                Map.entry("COMPLETE", 0));
        assertThat(figures.byPortfolio()).extracting(OverviewFigures.Row::count).containsExactly(0, 0);
        assertThat(figures.byTopic()).isEmpty();
    }

    @Test
    void barsAddUpToTheRowAndAnEmptyRowHasNoBar() {
        OverviewFigures.Row row = new OverviewFigures.Row("x", 1, 1, 2);
        assertThat(row.notStartedPct() + row.inProgressPct() + row.completePct()).isEqualTo(100);
        assertThat(new OverviewFigures.Row("empty", 0, 0, 0).completePct()).isZero();
    }
}
