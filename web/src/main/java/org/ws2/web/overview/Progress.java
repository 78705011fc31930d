package org.ws2.web.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The overview's figures, counted from the public recommendation list: ICANN's three-word status by
 * topic and by portfolio (a co-owned recommendation counts in both, as ICANN reports it), the
 * coordination flags, what waits on what, and what was completed last.
 */
record Progress(int total, Map<String, Integer> byStatus, List<Row> byTopic, List<Row> byPortfolio,
        List<Map<String, Object>> flagged, List<Map<String, Object>> waiting, List<Map<String, Object>> recentlyCompleted) {

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
    }

    static Progress of(List<Map<String, Object>> recommendations) {
        Map<String, int[]> topics = new LinkedHashMap<>();
        Map<String, int[]> portfolios = new LinkedHashMap<>();
        portfolios.put("ICANN org portfolio", new int[3]);
        portfolios.put("Community portfolio", new int[3]);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0));
        List<Map<String, Object>> flagged = new ArrayList<>();
        List<Map<String, Object>> waiting = new ArrayList<>();
        List<Map<String, Object>> completed = new ArrayList<>();

        for (Map<String, Object> r : recommendations) {
            int status = STATUSES.indexOf(String.valueOf(r.get("publicStatus")));
            if (status < 0) {
                continue;
            }
            byStatus.merge(STATUSES.get(status), 1, Integer::sum);
            topics.computeIfAbsent(r.get("topicPrefix") + " " + r.get("topic"), k -> new int[3])[status]++;
            String ownership = String.valueOf(r.get("ownership"));
            if (!ownership.equals("COMMUNITY")) {
                portfolios.get("ICANN org portfolio")[status]++;
            }
            if (!ownership.equals("ORG")) {
                portfolios.get("Community portfolio")[status]++;
            }
            Object coordination = r.get("coordination") instanceof Map<?, ?> c ? c.get("level") : null;
            if (coordination != null && !"NONE".equals(coordination)) {
                flagged.add(r);
            }
            if (r.get("waitingOn") instanceof List<?> on && !on.isEmpty()) {
                waiting.add(r);
            }
            if ("COMPLETE".equals(r.get("publicStatus"))) {
                completed.add(r);
            }
        }
        completed.sort(Comparator.comparing((Map<String, Object> r) -> Objects.toString(r.get("updatedAt"), "")).reversed());
        return new Progress(byStatus.values().stream().mapToInt(Integer::intValue).sum(), byStatus,
                rows(topics), rows(portfolios), flagged, waiting, completed.subList(0, Math.min(5, completed.size())));
    }

    private static List<Row> rows(Map<String, int[]> counts) {
        return counts.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }
}
