package org.ws2.recommendations.recommendation;

import java.util.Comparator;
import java.util.Locale;
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

    public enum SortField {
        id(Comparator.comparing(Recommendation::id, RecommendationSearch::compareIds)),
        title(Comparator.comparing((Recommendation r) -> r.details().title(), String.CASE_INSENSITIVE_ORDER)),
        status(Comparator.comparing(Recommendation::status)),
        targetQuarter(Comparator.comparing((Recommendation r) -> r.details().targetQuarter(),
                Comparator.nullsLast(Comparator.naturalOrder()))),
        updatedAt(Comparator.comparing(Recommendation::updatedAt));

        private final Comparator<Recommendation> order;

        SortField(Comparator<Recommendation> order) {
            this.order = order;
        }
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
