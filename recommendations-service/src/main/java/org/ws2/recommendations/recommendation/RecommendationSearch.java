package org.ws2.recommendations.recommendation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * What a client asks of the recommendation list. Every criterion is optional.
 *
 * @param topic  a topic's prefix ({@code 1}) or name ({@code Diversity})
 * @param text   words to find in the title or summary, case-insensitively
 * @param sort   {@code id} (numeric: 1.10 after 1.9), {@code title}, {@code status},
 *               {@code targetQuarter} or {@code updatedAt}
 */
public record RecommendationSearch(
        String topic,
        RecommendationStatus status,
        Ownership ownership,
        CoordinationLevel coordination,
        String tag,
        String targetQuarter,
        String text,
        boolean includeRetired,
        SortField sort,
        boolean descending) {

    /**
     * Each sort in Java (for "as of" reads, answered from the history) and in SQL (for current
     * reads); the two must order alike. {@code COLLATE "C"} compares code points, as Java does.
     */
    public enum SortField {
        id(Comparator.comparing(Recommendation::id, RecommendationSearch::compareIds), ID_ORDER),
        title(Comparator.comparing((Recommendation r) -> r.details().title(), String.CASE_INSENSITIVE_ORDER),
                "lower(r.title) COLLATE \"C\""),
        status(Comparator.comparing(Recommendation::status), "array_position(ARRAY["
                + String.join(",", Arrays.stream(RecommendationStatus.values()).map(s -> "'" + s.name() + "'").toList())
                + "]::text[], r.status)"),
        // PostgreSQL puts nulls last ascending and first descending, as nullsLast(...).reversed() does
        targetQuarter(Comparator.comparing((Recommendation r) -> r.details().targetQuarter(),
                Comparator.nullsLast(Comparator.naturalOrder())), "r.target_quarter COLLATE \"C\""),
        updatedAt(Comparator.comparing(Recommendation::updatedAt), "r.updated_at");

        private final Comparator<Recommendation> order;
        private final String column;

        SortField(Comparator<Recommendation> order, String column) {
            this.order = order;
            this.column = column;
        }
    }

    /** Numeric segment order (1.9 before 1.10); int arrays compare element by element, a prefix first. */
    static final String ID_ORDER = "(string_to_array(r.id, '.')::int[])";

    /** The search as a SQL condition on {@code recommendation r JOIN topic t}, adding its parameters to {@code params}. */
    String where(Map<String, Object> params) {
        List<String> conditions = new java.util.ArrayList<>();
        if (!includeRetired) {
            conditions.add("r.retired_at IS NULL");
        }
        if (topic != null) {
            conditions.add("(r.topic_prefix = :topic OR lower(t.name) = lower(:topic))");
            params.put("topic", topic);
        }
        if (status != null) {
            conditions.add("r.status = :status");
            params.put("status", status.name());
        }
        if (ownership != null) {
            conditions.add("r.ownership = :ownership");
            params.put("ownership", ownership.name());
        }
        if (coordination != null) {
            conditions.add("r.coordination = :coordination");
            params.put("coordination", coordination.name());
        }
        if (targetQuarter != null) {
            conditions.add("r.target_quarter = :targetQuarter");
            params.put("targetQuarter", targetQuarter);
        }
        if (tag != null) {
            conditions.add("EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.tags) AS tag WHERE lower(tag) = lower(:tag))");
            params.put("tag", tag);
        }
        if (text != null && !text.isBlank()) {
            // strpos, not LIKE: the words are matched literally, '%' and '_' included
            conditions.add("(strpos(lower(r.title), :needle) > 0 OR strpos(lower(r.summary), :needle) > 0)");
            params.put("needle", text.toLowerCase(Locale.ROOT));
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** The SQL order asked for, ties broken by id as {@link #order()} does. */
    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return sort == SortField.id ? ID_ORDER + direction : sort.column + direction + ", " + ID_ORDER + " ASC";
    }

    Predicate<Recommendation> matcher() {
        Predicate<Recommendation> matches = r -> includeRetired || !r.retired();
        if (topic != null) {
            matches = matches.and(r -> r.topicPrefix().equals(topic) || r.topic().equalsIgnoreCase(topic));
        }
        matches = and(matches, status, Recommendation::status);
        matches = and(matches, ownership, r -> r.details().ownership());
        matches = and(matches, coordination, r -> r.coordination().level());
        matches = and(matches, targetQuarter, r -> r.details().targetQuarter());
        if (tag != null) {
            matches = matches.and(r -> r.details().tags().stream().anyMatch(tag::equalsIgnoreCase));
        }
        if (text != null && !text.isBlank()) {
            String needle = text.toLowerCase(Locale.ROOT);
            matches = matches.and(r -> r.details().title().toLowerCase(Locale.ROOT).contains(needle)
                    || r.details().summary().toLowerCase(Locale.ROOT).contains(needle));
        }
        return matches;
    }

    /** The order asked for; ties are broken by id so that paging is stable. */
    Comparator<Recommendation> order() {
        Comparator<Recommendation> chosen = descending ? sort.order.reversed() : sort.order;
        return chosen.thenComparing(SortField.id.order);
    }

    private static <T> Predicate<Recommendation> and(Predicate<Recommendation> matches, T wanted,
            Function<Recommendation, T> value) {
        return wanted == null ? matches : matches.and(r -> wanted.equals(value.apply(r)));
    }

    /** Compares hierarchical ids segment by segment as numbers: 1.9 < 1.10, 8.1.2 < 8.1.17. */
    static int compareIds(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int byNumber = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
