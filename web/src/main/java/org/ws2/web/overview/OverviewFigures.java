package org.ws2.web.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview's figures, from the reporting service's progress read model ({@code /api/reports/progress}):
 * ICANN's three-word status overall, by topic and by portfolio (a co-owned recommendation counts in
 * both, as ICANN reports it), the coordination flags and what waits on what; plus the last few completed
 * recommendations from the catalogue. The read model is counted as events arrive, so the page never reads
 * the whole catalogue and its cost does not grow with it.
 */
record OverviewFigures(int total, Map<String, Integer> byStatus, List<Row> byTopic, List<Row> byPortfolio,
        List<Map<String, Object>> flagged, List<Map<String, Object>> waiting, List<Map<String, Object>> recentlyCompleted,
        Map<String, Object> byLifecycleStatus, Object asOf) {

    static final List<String> STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETE");

    /** One bar of a chart: counts per three-word status. */
    record Row(String label, int notStarted, int inProgress, int complete) {

        int total() {
            return notStarted + inProgress + complete;
        }

        /** Percentages for the bar's three segments. */
        public long notStartedPct() {
            return pct(notStarted);
        }

        public long inProgressPct() {
            return pct(inProgress);
        }

        public long completePct() {
            return pct(complete);
        }

        public int count() {
            return total();
        }

        private long pct(int n) {
            return total() == 0 ? 0 : Math.round(100.0 * n / total());
        }

        static Row of(String label, Object byPublicStatus) {
            Map<?, ?> counts = byPublicStatus instanceof Map<?, ?> m ? m : Map.of();
            return new Row(label, countOf(counts, "NOT_STARTED"), countOf(counts, "IN_PROGRESS"), countOf(counts, "COMPLETE"));
        }
    }

    @SuppressWarnings("unchecked")
    static OverviewFigures of(Map<String, Object> progress, List<Map<String, Object>> recentlyCompleted) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        Map<?, ?> overall = (Map<?, ?>) progress.getOrDefault("byPublicStatus", Map.of());
        STATUSES.forEach(s -> byStatus.put(s, countOf(overall, s)));

        List<Row> topics = new ArrayList<>();
        for (Map<String, Object> topic : (List<Map<String, Object>>) progress.getOrDefault("byTopic", List.of())) {
            topics.add(Row.of(topic.get("prefix") + " " + topic.get("topic"), topic.get("byPublicStatus")));
        }
        // the read model's ORG and COMMUNITY portfolios already count each co-owned recommendation in both
        Map<?, ?> portfolios = (Map<?, ?>) progress.getOrDefault("byPortfolio", Map.of());
        List<Row> byPortfolio = List.of(
                Row.of("ICANN org portfolio", portfolio(portfolios, "ORG")),
                Row.of("Community portfolio", portfolio(portfolios, "COMMUNITY")));
        return new OverviewFigures(((Number) progress.getOrDefault("total", 0)).intValue(), byStatus, topics, byPortfolio,
                (List<Map<String, Object>>) progress.getOrDefault("coordination", List.of()),
                (List<Map<String, Object>>) progress.getOrDefault("waiting", List.of()),
                recentlyCompleted, (Map<String, Object>) progress.getOrDefault("byStatus", Map.of()), progress.get("asOf"));
    }

    private static Object portfolio(Map<?, ?> portfolios, String name) {
        return portfolios.get(name) instanceof Map<?, ?> p ? p.get("byPublicStatus") : null;
    }

    private static int countOf(Map<?, ?> counts, String status) {
        return counts.get(status) instanceof Number n ? n.intValue() : 0;
    }
}
