package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.recommendations.recommendation.RecommendationSearch.SortField;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

import tools.jackson.databind.JsonNode;

/**
 * Every list query's plan at issue 23's size: 13,600 recommendations (and 400 of another programme) in a schema of this test's own,
 * with the indexes the migrations gave the service's table. For every filter and sort, at the first page
 * and after a cursor two thirds of the way down, the page is read through an index, never by a
 * sequential scan of the table, and reads about a page of rows rather than the catalogue; after the
 * cursor it is the same page as {@code OFFSET} gives. A selective filter's count reads its index too.
 * Numbered pages at any depth read only their own rows from the table (the offset is walked index-only),
 * the total of a list of most of the catalogue counts an index only, and a word most rows hold reads
 * about a page. Plans and row counts are deterministic for the data (ANALYZE samples the whole table at
 * this size); nothing asserted is timed. Each plan, its rows (read, and read from the table itself) and
 * its time (for the deep pages, counts and common words the median of several runs) go to
 * {@code target/list-query-plans.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListQueryPlansIT extends RecommendationsApiTestBase {

    private static final String SCHEMA = "list_plans";
    /** Rows a page may read from the table: a page and what its filter skips, far from the catalogue. */
    private static final int ROWS_A_PAGE_MAY_READ = 1_000;
    private static final int CATALOGUE = 13_600;
    private static final int ANOTHER_PROGRAMME = 400;
    /** Runs of a query whose median time the report gives. */
    private static final int RUNS = 7;

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RecommendationRepository repository;

    private final List<String> report = new ArrayList<>();

    /**
     * Like issue 23's benchmark catalogue, with the spread of values a real one has: most not started,
     * a few implemented or flagged for coordination, target quarters with gaps, one in 97 retired, and
     * words and a tag that cluster in one topic (as "ombudsman" does), which is where walking the id
     * order with them as a filter would read most of the catalogue.
     */
    @BeforeAll
    void aCatalogueOf13600InASchemaOfItsOwn() {
        String source = jdbc.sql("SELECT current_schema()").query(String.class).single();
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        jdbc.sql("CREATE SCHEMA " + SCHEMA).update();
        jdbc.sql("CREATE TABLE " + SCHEMA + ".topic (LIKE " + source + ".topic INCLUDING ALL)").update();
        jdbc.sql("INSERT INTO " + SCHEMA + ".topic SELECT * FROM " + source + ".topic").update();
        jdbc.sql("CREATE TABLE " + SCHEMA + ".recommendation (LIKE " + source + ".recommendation INCLUDING ALL EXCLUDING INDEXES)")
                .update();
        // the service's indexes, by their names, before the rows: kept up row by row as the service's are
        // (an index built once over sorted rows is denser, and PostgreSQL costs a walk of it lower, than
        // one that grew with the catalogue; the plans here must hold for the one that grew)
        for (String index : jdbc.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = :source AND tablename = 'recommendation'")
                .param("source", source).query(String.class).list()) {
            jdbc.sql(index.replace(" ON " + source + ".recommendation ", " ON " + SCHEMA + ".recommendation ")).update();
        }
        jdbc.sql("""
                INSERT INTO %s.recommendation (id, topic_prefix, title, summary, ownership, target_quarter, tags, status,
                    coordination, retired_at, created_at, updated_at)
                SELECT id, prefix,
                       'Recommendation ' || id || ': ' || (ARRAY['publish the criteria', 'review the process',
                           'train the staff', 'report each year', 'document the decisions', 'consult the community',
                           'measure the outcomes'])[1 + n %% 7],
                       (ARRAY['Agreed by the Board.', 'Part of the accountability work.', 'Needs a budget line.',
                           'Depends on another team.', 'Community input wanted.'])[1 + n / 8 %% 5]
                           || CASE WHEN n %% 80 = 4 THEN ' The ombudsman reviews it.' ELSE '' END,
                       CASE WHEN n %% 10 < 6 THEN 'COMMUNITY' WHEN n %% 10 < 9 THEN 'ORG' ELSE 'CO_OWNED' END,
                       CASE WHEN n %% 9 = 0 THEN NULL ELSE '202' || (5 + n %% 3) || '-Q' || (1 + n %% 4) END,
                       CASE WHEN n %% 40 = 2 THEN '["benchmark","Human-Rights"]' ELSE '["benchmark"]' END::jsonb,
                       CASE n * 7 %% 20 WHEN 0 THEN 'IMPLEMENTED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'IN_PROGRESS'
                           WHEN 3 THEN 'PLANNING' WHEN 4 THEN 'ON_HOLD' WHEN 5 THEN 'DOCUMENTING' ELSE 'NOT_STARTED' END,
                       CASE WHEN n %% 50 = 0 THEN 'REQUIRED' WHEN n %% 50 < 5 THEN 'WOULD_BENEFIT' ELSE 'NONE' END,
                       CASE WHEN n %% 97 = 0 THEN at END, at, at
                FROM (SELECT n, (1 + n %% 8)::text AS prefix, (1 + n %% 8) || '.' || (10 + n / 1000) || '.' || (n %% 1000) AS id,
                             TIMESTAMPTZ '2027-01-01 00:00:00+00' - n * INTERVAL '1 second' AS at
                      FROM generate_series(0, %d) n) g""".formatted(SCHEMA, CATALOGUE - 1)).update();
        // and another review's recommendations beside them (issue 21's programmes): 400 of ATRT3, in one topic
        // (a topic table of the seed's size: the plans of the sorts' cursors are close calls on its join)
        jdbc.sql("INSERT INTO " + SCHEMA + ".topic (prefix, name, programme) VALUES ('ATRT3-1', 'ATRT3 topic', 'ATRT3') "
                + "ON CONFLICT (prefix) DO NOTHING").update();
        jdbc.sql("""
                INSERT INTO %s.recommendation (id, programme, topic_prefix, title, ownership, tags, status, coordination,
                    created_at, updated_at)
                SELECT 'ATRT3-1.' || (1 + n), 'ATRT3', 'ATRT3-1',
                       'ATRT3 recommendation ' || n, 'ORG', '["review"]'::jsonb, 'NOT_STARTED', 'NONE', at, at
                FROM (SELECT n, TIMESTAMPTZ '2027-02-01 00:00:00+00' - n * INTERVAL '1 second' AS at
                      FROM generate_series(0, %d) n) g""".formatted(SCHEMA, ANOTHER_PROGRAMME - 1)).update();
        // what autovacuum does after such an insert: statistics, and the visibility map index-only counts use
        jdbc.sql("VACUUM ANALYZE " + SCHEMA + ".topic").update();
        jdbc.sql("VACUUM ANALYZE " + SCHEMA + ".recommendation").update();
        // VACUUM marks a page all-visible (what lets an index-only scan skip the table) only when no
        // transaction that began before the rows were written is still running; the service's own
        // background work may be, so it runs again until every page is, as autovacuum would get there
        await("every page of the test's table all-visible after VACUUM").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (allVisible()) {
                        return true;
                    }
                    jdbc.sql("VACUUM " + SCHEMA + ".recommendation").update();
                    return allVisible();
                });
    }

    private boolean allVisible() {
        // what VACUUM last counted: the table's pages, and those it found or made all-visible
        return jdbc.sql("SELECT relallvisible >= relpages FROM pg_class WHERE oid = '" + SCHEMA + ".recommendation'::regclass")
                .query(Boolean.class).single();
    }

    @AfterAll
    void dropTheSchemaAndWriteTheReport() throws IOException {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "list-query-plans.md"), report);
    }

    @Test
    void everyFilterReadsItsPageThroughAnIndexAtTheFirstPageAndDeep() {
        assertPlans(search(null, null, null, null, null, null, null, false), 50, false);
        assertPlans(search("3", null, null, null, null, null, null, false), 50, true);
        assertPlans(search("Jurisdiction", null, null, null, null, null, null, false), 50, true);
        assertPlans(search(null, RecommendationStatus.NOT_STARTED, null, null, null, null, null, false), 50, false);
        assertPlans(search(null, RecommendationStatus.IMPLEMENTED, null, null, null, null, null, false), 50, true);
        assertPlans(search(null, null, Ownership.CO_OWNED, null, null, null, null, false), 50, true);
        assertPlans(search(null, null, null, CoordinationLevel.REQUIRED, null, null, null, false), 50, true);
        assertPlans(search(null, null, null, null, "human-RIGHTS", null, null, false), 50, true);
        assertPlans(search(null, null, null, null, null, "2026-Q2", null, false), 50, true);
        assertPlans(search(null, null, null, null, null, null, "Ombudsman", false), 50, true);
        assertPlans(search(null, null, null, null, null, null, null, true), 50, false);
        assertPlans(search("5", RecommendationStatus.NOT_STARTED, null, null, null, null, null, false), 50, true);
        assertPlans(inProgramme("ATRT3", null), 50, true);
        assertPlans(inProgramme("WS2", null), 50, false);
        assertPlans(inProgramme("ATRT3", RecommendationStatus.NOT_STARTED), 50, true);
    }

    @Test
    void everySortInBothDirectionsReadsItsPageThroughAnIndexAtTheFirstPageAndDeep() {
        for (SortField sort : SortField.values()) {
            for (boolean descending : List.of(false, true)) {
                for (boolean includeRetired : List.of(false, true)) {
                    assertPlans(new RecommendationSearch(null, null, null, null, null, null, null, null, includeRetired, sort,
                            descending), 50, false);
                }
            }
        }
    }

    @Test
    void theListsOtherModulesReadDoToo() {
        // the benchmark's filtered page and the overview's latest implemented
        assertPlans(new RecommendationSearch(null, null, RecommendationStatus.NOT_STARTED, null, null, null, null, null, false,
                SortField.title, false), 50, false);
        assertPlans(new RecommendationSearch(null, null, RecommendationStatus.IMPLEMENTED, null, null, null, null, null, false,
                SortField.updatedAt, true), 5, true);
    }

    /**
     * The first page, and the page after the item two thirds down the list; a selective filter's count
     * (a first page's total) too. A count of most of the catalogue reads the table, its cheapest plan.
     */
    private void assertPlans(RecommendationSearch search, int size, boolean selective) {
        String link = search.link(size, null, null, null);
        String query = link.substring(link.indexOf('?') + 1);
        inTheSchema(() -> {
            long total = repository.search(search, null, 0, 1).total();
            assertThat(total).as("matches of %s", query).isGreaterThan(size);
            var first = statements(search, null, 0, size);
            assertReadsAPageThroughAnIndex(query + ", first page", explain(first.page(), first));

            long depth = total * 2 / 3;
            Recommendation there = repository.search(search, null, depth, 1).items().get(0);
            ListCursor cursor = ListCursor.after(there, search.sort(), search.descending());
            var deep = statements(search, cursor, 0, size);
            assertReadsAPageThroughAnIndex(query + ", after item " + depth, explain(deep.page(), deep));
            assertThat(ids(repository.search(search, cursor, 0, size).items()))
                    .as("after the cursor is the page OFFSET gives: %s", query)
                    .isEqualTo(ids(repository.search(search, null, depth + 1, size).items()));

            JsonNode count = explain(first.count(), first);
            if (selective) {
                assertThat(scansOfTheTable(count.path("Plan"))).as("count of %s", query).noneMatch(ListQueryPlansIT::sequential);
            }
            record(query + ", count (" + total + ")", count);
            return null;
        });
    }

    /**
     * Numbered pages deep in the list (the web pager's, and clients'): the {@code OFFSET} is walked over an
     * index-only scan (no row of the table read for the rows it skips: V8's covering indexes, and none
     * fetched from the heap after VACUUM), and the table is read for the page's rows only. Walking the
     * order's index through the table read every skipped row (7,551 for page 150), and at large offsets
     * PostgreSQL sorted the whole table instead.
     */
    @Test
    void aNumberedPageAtAnyDepthReadsOnlyItsRowsFromTheTable() {
        assertNumberedPage(search(null, null, null, null, null, null, null, false), 150);
        assertNumberedPage(search("3", null, null, null, null, null, null, false), 30);
        assertNumberedPage(search("Jurisdiction", null, null, null, null, null, null, false), 30);
        assertNumberedPage(new RecommendationSearch(null, null, RecommendationStatus.NOT_STARTED, null, null, null, null, null,
                false, SortField.title, false), 150);
        assertNumberedPage(search(null, null, Ownership.COMMUNITY, null, null, null, null, false), 150);
        assertNumberedPage(search(null, null, null, null, null, null, null, true), 150);
        assertNumberedPage(inProgramme("ATRT3", null), 7);
        for (SortField sort : SortField.values()) {
            for (boolean descending : List.of(false, true)) {
                assertNumberedPage(new RecommendationSearch(null, null, null, null, null, null, null, null, false, sort,
                        descending), 150);
            }
        }
        assertNumberedPage(new RecommendationSearch(null, "5", null, null, null, null, null, null, false, SortField.updatedAt,
                true), 20);
    }

    /**
     * The total of a list of most of the catalogue (no filter, a common status, retired ones too) is a
     * count of an index only, never of the table's rows.
     */
    @Test
    void theTotalOfAListOfMostOfTheCatalogueCountsAnIndexOnly() {
        for (RecommendationSearch search : List.of(search(null, null, null, null, null, null, null, false),
                search(null, RecommendationStatus.NOT_STARTED, null, null, null, null, null, false),
                search(null, null, null, null, null, null, null, true), inProgramme("WS2", null))) {
            String query = query(search, 50);
            inTheSchema(() -> {
                var statements = statements(search, null, 0, 50);
                JsonNode count = explain(statements.count(), statements);
                List<JsonNode> scans = scansOfTheTable(count.path("Plan"));
                assertThat(scans).as("count of %s: %s", query, count.path("Plan")).isNotEmpty()
                        .allMatch(scan -> scan.path("Node Type").asString("").equals("Index Only Scan"));
                assertThat(scans.stream().mapToLong(ListQueryPlansIT::heapRowsRead).sum())
                        .as("rows of the table the count of %s reads", query).isZero();
                recordTimed(query + ", count", count, statements.count(), statements);
                return null;
            });
        }
    }

    /**
     * Words that most of the catalogue holds: the first page walks the order and reads about a page of
     * rows, where finding every match through the trigram indexes read and sorted them all (12,690 rows
     * for "the"); a rare word still finds its matches first (everyFilter… above), and deep numbered
     * pages of a common word walk their offset.
     */
    @Test
    void aWordMostOfTheCatalogueHoldsReadsAboutAPage() {
        for (String word : List.of("the", "Recommendation", "community")) {
            RecommendationSearch search = search(null, null, null, null, null, null, word, false);
            String query = query(search, 50);
            inTheSchema(() -> {
                long total = repository.count(search, null);
                assertThat(total).as("matches of %s", query).isGreaterThan(RecommendationRepository.FEW_MATCHES);
                var first = statements(search, null, 0, 50);
                JsonNode explained = explain(first.page(), first);
                List<JsonNode> scans = scansOfTheTable(explained.path("Plan"));
                assertThat(scans).as("%s reads the table", query).noneMatch(ListQueryPlansIT::sequential);
                assertThat(scans.stream().mapToLong(ListQueryPlansIT::heapRowsRead).sum())
                        .as("rows of the table %s reads, in %s", query, explained.path("Plan"))
                        .isLessThanOrEqualTo(ROWS_A_PAGE_MAY_READ);
                recordTimed(query + ", first page", explained, first.page(), first);
                assertThat(ids(repository.search(search, null, 0, 50).items())).as("the page of %s", query)
                        .isEqualTo(ids(oracle(search, 0, 50)));
                var count = statements(search, null, 0, 50);
                recordTimed(query + ", count (" + total + ")", explain(count.count(), count), count.count(), count);
                return null;
            });
        }
    }

    /** The page {@code page} (of 50): its table rows are the page's, and its items the in-memory order's. */
    private void assertNumberedPage(RecommendationSearch search, int page) {
        String query = query(search, 50) + "&page=" + page;
        inTheSchema(() -> {
            long offset = (long) page * 50;
            var statements = statements(search, null, offset, 50);
            JsonNode explained = explain(statements.page(), statements);
            List<JsonNode> scans = scansOfTheTable(explained.path("Plan"));
            assertThat(scans).as("%s reads the table: %s", query, explained.path("Plan")).isNotEmpty()
                    .noneMatch(ListQueryPlansIT::sequential);
            assertThat(scans.stream().mapToLong(ListQueryPlansIT::heapRowsRead).sum())
                    .as("rows of the table %s reads, in %s", query, explained.path("Plan"))
                    .isLessThanOrEqualTo(ROWS_A_PAGE_MAY_READ);
            assertThat(scans).as("%s: what walks the offset is index-only", query)
                    .filteredOn(scan -> rowsRead(scan) > ROWS_A_PAGE_MAY_READ)
                    .allMatch(scan -> scan.path("Node Type").asString("").equals("Index Only Scan"));
            List<String> items = ids(repository.search(search, null, offset, 50).items());
            assertThat(items).as("page %s", query).hasSize(50).isEqualTo(ids(oracle(search, offset, 50)));
            recordTimed(query, explained, statements.page(), statements);
            return null;
        });
    }

    /** The page as the in-memory matcher and order give it (what "as of" reads use), from the test's table. */
    private List<Recommendation> oracle(RecommendationSearch search, long offset, int size) {
        return repository.findAll().stream().filter(search.matcher()).sorted(search.order()).skip(offset).limit(size).toList();
    }

    /** The statements {@link RecommendationRepository#search} runs for this page. */
    private RecommendationRepository.Statements statements(RecommendationSearch search, ListCursor after, long offset,
            int size) {
        long matches = search.findsMatchesFirst() ? repository.count(search, null) : 0;
        return RecommendationRepository.statements(search, after, offset, size, matches);
    }

    private static String query(RecommendationSearch search, int size) {
        String link = search.link(size, null, null, null);
        return link.substring(link.indexOf('?') + 1);
    }

    private void assertReadsAPageThroughAnIndex(String what, JsonNode explained) {
        List<JsonNode> scans = scansOfTheTable(explained.path("Plan"));
        assertThat(scans).as("%s reads the table", what).isNotEmpty().noneMatch(ListQueryPlansIT::sequential);
        assertThat(scans.stream().mapToLong(ListQueryPlansIT::rowsRead).sum())
                .as("rows %s reads, in %s", what, explained.path("Plan")).isLessThanOrEqualTo(ROWS_A_PAGE_MAY_READ);
        record(what, explained);
    }

    /** The plan of {@code sql}, run as the repository runs it (a page with its settings: inTheSchema's transaction). */
    private JsonNode explain(String sql, RecommendationRepository.Statements statements) {
        boolean settings = sql.equals(statements.page());
        if (settings) {
            statements.applySettings().forEach(setting -> jdbc.sql(setting).update());
        }
        String plan = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).params(statements.params())
                .query(String.class).single();
        if (settings) {
            statements.undoSettings().forEach(setting -> jdbc.sql(setting).update());
        }
        return json.readTree(plan).get(0);
    }

    /** Runs {@code work} with the test's schema first on the search path, in one transaction. */
    private void inTheSchema(Supplier<Void> work) {
        transactions.execute(status -> {
            jdbc.sql("SET LOCAL search_path TO " + SCHEMA + ", public").update();
            return work.get();
        });
    }

    /** Every node of the plan that reads the recommendation table (its index-only scans included). */
    private static List<JsonNode> scansOfTheTable(JsonNode node) {
        List<JsonNode> scans = new ArrayList<>();
        if ("recommendation".equals(node.path("Relation Name").asString(""))) {
            scans.add(node);
        }
        node.path("Plans").forEach(child -> scans.addAll(scansOfTheTable(child)));
        return scans;
    }

    private static boolean sequential(JsonNode scan) {
        return scan.path("Node Type").asString("").equals("Seq Scan");
    }

    /** Rows read from the table itself: an index-only scan's heap fetches, any other scan's rows. */
    private static long heapRowsRead(JsonNode scan) {
        return scan.path("Node Type").asString("").equals("Index Only Scan")
                ? scan.path("Heap Fetches").asLong() * Math.max(1, scan.path("Actual Loops").asLong())
                : rowsRead(scan);
    }

    private static long rowsRead(JsonNode scan) {
        return (scan.path("Actual Rows").asLong() + scan.path("Rows Removed by Filter").asLong()
                + scan.path("Rows Removed by Index Recheck").asLong()) * Math.max(1, scan.path("Actual Loops").asLong());
    }

    private void record(String what, JsonNode explained) {
        List<String> nodes = new ArrayList<>();
        describe(explained.path("Plan"), nodes);
        long rows = scansOfTheTable(explained.path("Plan")).stream().mapToLong(ListQueryPlansIT::rowsRead).sum();
        report.add(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f ms |", what, String.join(" → ", nodes), rows,
                explained.path("Execution Time").asDouble()));
    }

    /**
     * As {@link #record}, with the median time of {@value #RUNS} more runs (the plan's own time is one run,
     * and the first is often cold); rows read and heap fetches are exact, times depend on the machine.
     */
    private void recordTimed(String what, JsonNode explained, String sql, RecommendationRepository.Statements statements) {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = explain(sql, statements).path("Execution Time").asDouble();
        }
        java.util.Arrays.sort(times);
        List<String> nodes = new ArrayList<>();
        describe(explained.path("Plan"), nodes);
        List<JsonNode> scans = scansOfTheTable(explained.path("Plan"));
        report.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.2f ms (median of %d) |", what,
                String.join(" → ", nodes), scans.stream().mapToLong(ListQueryPlansIT::rowsRead).sum(),
                scans.stream().mapToLong(ListQueryPlansIT::heapRowsRead).sum(), times[RUNS / 2], RUNS));
    }

    private static void describe(JsonNode node, List<String> nodes) {
        String index = node.path("Index Name").asString("");
        if (node.path("Node Type").asString("").contains("Scan") && !"topic".equals(node.path("Relation Name").asString(""))
                && !index.startsWith("topic")) {
            nodes.add(node.path("Node Type").asString("") + (index.isEmpty() ? "" : " " + index));
        } else if (node.path("Node Type").asString("").contains("Sort")) {
            nodes.add(node.path("Node Type").asString(""));
        }
        node.path("Plans").forEach(child -> describe(child, nodes));
    }

    private static List<String> ids(List<Recommendation> items) {
        return items.stream().map(Recommendation::id).toList();
    }

    private static RecommendationSearch inProgramme(String programme, RecommendationStatus status) {
        return new RecommendationSearch(programme, null, status, null, null, null, null, null, false, SortField.id, false);
    }

    private static RecommendationSearch search(String topic, RecommendationStatus status, Ownership ownership,
            CoordinationLevel coordination, String tag, String quarter, String text, boolean includeRetired) {
        return new RecommendationSearch(null, topic, status, ownership, coordination, tag, quarter, text, includeRetired,
                SortField.id, false);
    }
}
