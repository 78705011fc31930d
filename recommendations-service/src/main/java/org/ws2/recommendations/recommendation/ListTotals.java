package org.ws2.recommendations.recommendation;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many recommendations a list's filter matches, counted again only when the catalogue changed since
 * the last count of the same filter (V9's {@code catalogue_generation}, which says why a sum of rows and
 * not a sequence). A list read while nothing changes, the common case, pays one small read instead of a
 * count that reads every match (a common word at 13,600 recommendations: 9 ms); under writes each count
 * is as fresh as it was without the memory. Each replica remembers its own counts; the generation is the
 * database's, so a change made through another replica is seen as well.
 */
@Component
class ListTotals {

    /** Filters remembered; a filter's entry is a few hundred bytes. */
    private static final int REMEMBERED = 1_000;
    private static final String GENERATION = "SELECT sum(generation) FROM catalogue_generation";

    private record Filter(String countSql, Map<String, Object> params) {
    }

    private record Counted(long generation, long total) {
    }

    private final JdbcClient jdbc;
    private final Cache<Filter, Counted> counted = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
    private final Counter countedAgain;
    private final Counter remembered;

    ListTotals(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.countedAgain = answers(meters, "counted");
        this.remembered = answers(meters, "remembered");
    }

    private static Counter answers(MeterRegistry meters, String answer) {
        return Counter.builder("ws2.recommendations.list.totals")
                .description("Totals of list requests, counted in the database or remembered from an earlier count "
                        + "of the same filter while the catalogue did not change")
                .tag("answer", answer).register(meters);
    }

    /** The single number {@code countSql} selects with {@code params}, now. */
    long count(String countSql, Map<String, Object> params) {
        Filter filter = new Filter(countSql, Collections.unmodifiableMap(new HashMap<>(params))); // nulls allowed
        Counted before = counted.getIfPresent(filter);
        if (before != null && before.generation() == generation()) {
            remembered.increment();
            return before.total();
        }
        // the count and the generation it belongs to, from one statement's snapshot
        Counted now = jdbc.sql("SELECT (" + GENERATION + ") AS generation, (" + countSql + ") AS total").params(params)
                .query((rs, row) -> new Counted(rs.getLong("generation"), rs.getLong("total"))).single();
        counted.put(filter, now);
        countedAgain.increment();
        return now.total();
    }

    private long generation() {
        return jdbc.sql(GENERATION).query(Long.class).single();
    }
}
