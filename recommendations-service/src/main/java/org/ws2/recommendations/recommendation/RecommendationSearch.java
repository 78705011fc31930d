package org.ws2.recommendations.recommendation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * What a client asks of the recommendation list. Every criterion is optional.
 *
 * @param programme a programme's code ({@code WS2}, {@code ATRT3}); null for every programme
 * @param topic  a topic's prefix ({@code 1}, {@code ATRT3-1}) or its name ({@code Diversity}) in
 *               {@code programme} (WS2 when none is asked)
 * @param text   words to find in the title or summary, case-insensitively
 * @param sort   {@code id} (numeric: 1.10 after 1.9), {@code title}, {@code status},
 *               {@code targetQuarter} or {@code updatedAt}
 */
public record RecommendationSearch(
        String programme,
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
     * reads); the two must order alike, and descending is the exact reverse of ascending, ties
     * included, so that one index serves both directions. {@code COLLATE "C"} compares code points,
     * as Java does. Each SQL key is a template over a value ({@code %s}: the column, or a cursor's
     * parameter cast to {@code type}); where V8 stores a key's value as a column of its own (the title
     * lower-cased, the id's order), the row's key is that column, so that no plan computes it row by
     * row. The indexes (V8) are on exactly these keys: change one and its index in a migration together
     * ({@code ListQueryPlansIT} fails otherwise).
     */
    public enum SortField {
        id(Comparator.comparing(Recommendation::id, Programmes.BY_ID), null, null, r -> null),
        title(Comparator.comparing((Recommendation r) -> r.details().title(), String.CASE_INSENSITIVE_ORDER),
                "r.title", "text", r -> r.details().title(), "lower(%s) COLLATE \"C\"") {
            @Override
            String rowKey(String key) {
                return "r.title_lower COLLATE \"C\""; // V8's lower(title), stored
            }
        },
        status(Comparator.comparing(Recommendation::status), "r.status", "text", r -> r.status().name(),
                "array_position(ARRAY["
                        + String.join(",", Arrays.stream(RecommendationStatus.values()).map(s -> "'" + s.name() + "'").toList())
                        + "]::text[], %s)"),
        // nulls last ascending and first descending, as nullsLast(...) and its reverse; the flag first,
        // so that no key is null and a cursor compares as one row
        targetQuarter(Comparator.comparing((Recommendation r) -> r.details().targetQuarter(),
                Comparator.nullsLast(Comparator.naturalOrder())), "r.target_quarter", "text",
                r -> r.details().targetQuarter(), "(%s IS NULL)", "COALESCE(%s, '') COLLATE \"C\""),
        updatedAt(Comparator.comparing(Recommendation::updatedAt), "r.updated_at", "timestamptz",
                r -> r.updatedAt().toString(), "%s");

        private final Comparator<Recommendation> order;
        private final String column;
        private final String type;
        private final Function<Recommendation, String> key;
        private final List<String> keys;

        SortField(Comparator<Recommendation> order, String column, String type, Function<Recommendation, String> key,
                String... keys) {
            this.order = order;
            this.column = column;
            this.type = type;
            this.key = key;
            this.keys = List.of(keys);
        }

        /** The value a cursor keeps of the last item of a page (null for the id sort, whose key is the id). */
        String keyOf(Recommendation recommendation) {
            return key.apply(recommendation);
        }

        /**
         * The keys over the column (or a cursor's parameters), then the id as {@link Programmes#BY_ID}
         * orders it: V7's {@code recommendation_order}, for WS2's ids their numeric segments (1.9 before
         * 1.10: int arrays compare element by element, a prefix first), another programme's after all of
         * WS2's, by code, then by number. V7's indexes are on exactly this expression.
         */
        private List<String> sql(String value, String id) {
            List<String> sql = new ArrayList<>();
            keys.forEach(key -> sql.add(key.formatted(value)));
            sql.add("recommendation_order(" + id + ")");
            return sql;
        }

        /**
         * The keys of the row {@code r}: as {@link #sql} over the column, but the id's order is V8's stored
         * {@code order_key} (recommendation_order(id) is PL/pgSQL, some microseconds a call), and so is a
         * key a sort stores ({@link #rowKey}).
         */
        private List<String> rowSql() {
            List<String> sql = new ArrayList<>();
            keys.forEach(key -> sql.add(rowKey(key.formatted(column))));
            sql.add("r.order_key");
            return sql;
        }

        /** The row's key for the key {@code key} over the column: itself, unless V8 stores it. */
        String rowKey(String key) {
            return key;
        }
    }

    /** The search as a SQL condition on {@code recommendation r}, adding its parameters to {@code params}. */
    String where(Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (!includeRetired) {
            conditions.add("r.retired_at IS NULL");
        }
        if (programme != null) {
            conditions.add("r.programme = :programme");
            params.put("programme", programme);
        }
        if (topic != null) {
            // the topic resolved once (an InitPlan), so that the (topic_prefix, id) index gives the page in
            // order; a prefix wins over another topic's name, and a name is looked up in the asked programme
            // (WS2's when none is asked: names are unique only within a programme)
            conditions.add("r.topic_prefix = (SELECT prefix FROM topic WHERE prefix = :topic"
                    + " OR lower(name) = lower(:topic) AND programme = :topicProgramme ORDER BY prefix <> :topic LIMIT 1)");
            params.put("topic", topic);
            params.put("topicProgramme", programme == null ? Programmes.WS2 : programme);
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
            // the tags lower-cased as one JSON array (V8's stored tags_lower, GIN-indexed): the same match as
            // lower(tag) = lower(:tag) on each element, since lower() leaves JSON's escapes as they are
            conditions.add("r.tags_lower @> jsonb_build_array(lower(CAST(:tag AS text)))");
            params.put("tag", tag);
        }
        if (hasText()) {
            // LIKE with the needle's wildcards escaped: the words are matched literally, '%' and '_'
            // included, in lower(title) and lower(summary) as V8 stores them, whose trigram indexes can find them
            String words = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            conditions.add("(r.title_lower LIKE :words OR r.summary_lower LIKE :words)");
            params.put("words", words);
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** The items after {@code cursor} in this search's order, as a SQL condition (one row comparison). */
    String after(ListCursor cursor, Map<String, Object> params) {
        params.put("afterId", cursor.id());
        if (!sort.keys.isEmpty()) {
            params.put("afterKey", cursor.key());
        }
        List<String> row = sort.rowSql();
        List<String> at = sort.sql("CAST(:afterKey AS " + sort.type + ")", "CAST(:afterId AS text)");
        return "(" + String.join(", ", row) + ")" + (descending ? " < " : " > ") + "(" + String.join(", ", at) + ")";
    }

    /** The SQL order asked for, ties broken by the numeric id, all one direction as {@link #order()}. */
    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return String.join(", ", sort.rowSql().stream().map(key -> key + direction).toList());
    }

    /**
     * The sort's keys of {@code recommendation r} as columns {@code k0}, {@code k1}…: what an index-only
     * scan of the order's index returns, so that the page's rows are put in order again after they are
     * fetched without computing them again.
     */
    String keyColumns() {
        List<String> keys = sort.rowSql();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add(keys.get(i) + " AS k" + i);
        }
        return String.join(", ", columns);
    }

    /** {@link #orderBy()} over the {@link #keyColumns()} of {@code alias}. */
    String orderByKeyColumns(String alias) {
        String direction = descending ? " DESC" : " ASC";
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < sort.rowSql().size(); i++) {
            columns.add(alias + ".k" + i + direction);
        }
        return String.join(", ", columns);
    }

    /**
     * Whether the search has words or a tag, whose matches may be best found first and sorted. They
     * cluster (one topic's recommendations share them), so walking the order's index with a rare one as a
     * filter, which the planner would pick for a page of 50, can read most of the catalogue before the
     * page is full; a common one's matches are most of the catalogue, and finding and sorting them all
     * costs what walking never does. How many match decides (RecommendationRepository.FEW_MATCHES).
     */
    boolean findsMatchesFirst() {
        return tag != null || hasText();
    }

    private boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** The URL of this search's list at another page ({@code page}) or after a cursor ({@code after}). */
    String link(int size, Instant asOf, String after, Integer page) {
        StringJoiner query = new StringJoiner("&", "/api/recommendations?", "");
        parameter(query, "programme", programme);
        parameter(query, "topic", topic);
        parameter(query, "status", status);
        parameter(query, "ownership", ownership);
        parameter(query, "coordination", coordination);
        parameter(query, "tag", tag);
        parameter(query, "targetQuarter", targetQuarter);
        parameter(query, "q", text);
        parameter(query, "includeRetired", includeRetired ? true : null);
        parameter(query, "sort", sort);
        parameter(query, "order", descending ? "desc" : "asc");
        parameter(query, "asOf", asOf);
        parameter(query, "size", size);
        parameter(query, "page", page);
        parameter(query, "after", after);
        return query.toString();
    }

    private static void parameter(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    Predicate<Recommendation> matcher() {
        Predicate<Recommendation> matches = r -> includeRetired || !r.retired();
        matches = and(matches, programme, Recommendation::programme);
        if (topic != null) {
            // as the SQL: a prefix, or the name in the asked programme (WS2's when none is asked)
            String topicProgramme = programme == null ? Programmes.WS2 : programme;
            matches = matches.and(r -> r.topicPrefix().equals(topic)
                    || r.topic().equalsIgnoreCase(topic) && r.programme().equals(topicProgramme));
        }
        matches = and(matches, status, Recommendation::status);
        matches = and(matches, ownership, r -> r.details().ownership());
        matches = and(matches, coordination, r -> r.coordination().level());
        matches = and(matches, targetQuarter, r -> r.details().targetQuarter());
        if (tag != null) {
            matches = matches.and(r -> r.details().tags().stream().anyMatch(tag::equalsIgnoreCase));
        }
        if (hasText()) {
            String needle = text.toLowerCase(Locale.ROOT);
            matches = matches.and(r -> r.details().title().toLowerCase(Locale.ROOT).contains(needle)
                    || r.details().summary().toLowerCase(Locale.ROOT).contains(needle));
        }
        return matches;
    }

    /** The order asked for; ties are broken by id so that paging is stable, and descending reverses it whole. */
    Comparator<Recommendation> order() {
        Comparator<Recommendation> ascending = sort.order.thenComparing(SortField.id.order);
        return descending ? ascending.reversed() : ascending;
    }

    private static <T> Predicate<Recommendation> and(Predicate<Recommendation> matches, T wanted,
            Function<Recommendation, T> value) {
        return wanted == null ? matches : matches.and(r -> wanted.equals(value.apply(r)));
    }
}
