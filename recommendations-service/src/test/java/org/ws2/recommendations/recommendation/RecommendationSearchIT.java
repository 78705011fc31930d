package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.springframework.web.util.UriComponentsBuilder;
import org.ws2.recommendations.recommendation.RecommendationSearch.SortField;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

import tools.jackson.databind.JsonNode;

/**
 * List requests are filtered, sorted and paged by PostgreSQL. The in-memory matcher and order
 * (still used for "as of" reads) are the oracle: for every sort, direction and filter the SQL
 * answer must be the same page in the same order with the same total, and following each page's
 * cursor must give the same list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendationSearchIT extends RecommendationsApiTestBase {

    @Autowired
    RecommendationQueries queries;
    @Autowired
    RecommendationRepository repository;

    @BeforeAll
    void addRecommendationsThatExerciseEveryFilter() throws Exception {
        // ids that sort differently as text and as numbers, mixed-case titles, tags, quarters, a retired one
        create("4.77.2", "zeta Search Probe", "ORG", "2021-Q3", "[\"Search-Probe\",\"alpha\"]");
        create("4.77.10", "Alpha search probe 100%", "COMMUNITY", null, "[\"search-probe\"]");
        create("4.77.9", "_underscore search probe", "CO_OWNED", "2022-Q1", "[]");
        create("4.77.1", "Retired search probe", "ORG", "2021-Q3", "[\"search-probe\"]");
        // quotes and a backslash in the words matched
        create("4.77.20", "O'Brien's \\\\ search probe", "ORG", null, "[]");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/recommendations/4.77.1/retirement")
                .with(staff()).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"search test\"}")).andExpect(status().isOk());
        // another programme's, whose ids order by programme then number, with a topic named as one of WS2's
        for (String number : List.of("1.10", "1.2")) {
            postJson("/api/recommendations", """
                    {"programme":"SRCH","number":"%s","topic":"Diversity","title":"Search probe of another programme",
                     "ownership":"ORG","tags":["programme-probe"]}""".formatted(number)).andExpect(status().isCreated());
        }
    }

    private void create(String id, String title, String ownership, String quarter, String tags) throws Exception {
        postJson("/api/recommendations", """
                {"id":"%s","title":"%s","summary":"Probe for the SQL search","ownership":"%s",%s"tags":%s}"""
                .formatted(id, title, ownership, quarter == null ? "" : "\"targetQuarter\":\"" + quarter + "\",", tags))
                .andExpect(status().isCreated());
    }

    @Test
    void everySortAndDirectionPagesLikeTheInMemoryOrder() {
        for (SortField sort : SortField.values()) {
            for (boolean descending : List.of(false, true)) {
                for (boolean includeRetired : List.of(false, true)) {
                    assertSameAsInMemory(new RecommendationSearch(null, null, null, null, null, null, null, null, includeRetired,
                            sort, descending), 13);
                }
            }
        }
    }

    @Test
    void everyFilterMatchesLikeTheInMemoryMatcher() {
        List<RecommendationSearch> searches = new ArrayList<>();
        searches.add(search("4", null, null, null, null, null, null));
        searches.add(search("Diversity", null, null, null, null, null, null));
        searches.add(search("diversity", null, null, null, null, null, null));
        searches.add(search(null, RecommendationStatus.NOT_STARTED, null, null, null, null, null));
        searches.add(search(null, null, Ownership.COMMUNITY, null, null, null, null));
        searches.add(search(null, null, null, CoordinationLevel.NONE, null, null, null));
        searches.add(search(null, null, null, null, "SEARCH-PROBE", null, null));
        searches.add(search(null, null, null, null, null, "2021-Q3", null));
        searches.add(search(null, null, null, null, null, null, "Search Probe"));
        searches.add(search(null, null, null, null, null, null, "100%"));
        searches.add(search(null, null, null, null, null, null, "_under"));
        searches.add(search("4", RecommendationStatus.NOT_STARTED, Ownership.ORG, null, "alpha", "2021-Q3", "probe"));
        searches.add(new RecommendationSearch("SRCH", null, null, null, null, null, null, null, false, SortField.id, false));
        searches.add(new RecommendationSearch("WS2", null, null, null, null, "search-probe", null, null, false, SortField.id, true));
        searches.add(new RecommendationSearch("SRCH", "Diversity", null, null, null, null, null, null, false, SortField.title, false));
        searches.add(new RecommendationSearch(null, "SRCH-1", null, null, null, null, null, null, false, SortField.id, true));
        for (RecommendationSearch s : searches) {
            assertSameAsInMemory(s, 5);
        }
        assertThat(queries.search(search(null, null, null, null, "search-probe", null, null), 0, null, 50, null).total())
                .as("the retired probe is left out").isEqualTo(2);
    }

    /**
     * Words and tags match the same whether their matches are found first (few of them) or the order is
     * walked with them as a filter (many: planned with their values), quotes,
     * backslashes and wildcards included, at the first page and after a cursor.
     */
    @Test
    void wordsAndTagsMatchTheSameFoundFirstOrWalked() {
        List<RecommendationSearch> searches = new ArrayList<>();
        for (String words : List.of("o'brien", "'s \\ s", "\\", "'", "' OR '1'='1", "'); DROP TABLE recommendation; --",
                "100%", "_under", "search probe", "\\'", "?", ":words")) {
            searches.add(search(null, null, null, null, null, null, words));
        }
        for (String tag : List.of("search-probe", "it's", "\\'")) {
            searches.add(search(null, null, null, null, tag, null, null));
        }
        for (RecommendationSearch search : searches) {
            List<Recommendation> expected = repository.findAll().stream().filter(search.matcher()).sorted(search.order())
                    .toList();
            for (boolean matchesFirst : List.of(true, false)) {
                assertThat(pageIds(RecommendationRepository.statements(search, null, 0, 50, matchesFirst)))
                        .as("%s, matches first: %s", search, matchesFirst)
                        .containsExactlyElementsOf(expected.stream().map(Recommendation::id).toList());
                if (!expected.isEmpty()) {
                    ListCursor cursor = ListCursor.after(expected.get(0), search.sort(), search.descending());
                    assertThat(pageIds(RecommendationRepository.statements(search, cursor, 0, 50, matchesFirst)))
                            .as("%s after the first, matches first: %s", search, matchesFirst)
                            .containsExactlyElementsOf(expected.stream().skip(1).map(Recommendation::id).toList());
                }
            }
        }
    }

    private List<String> pageIds(RecommendationRepository.Statements statements) {
        return jdbc.sql(statements.page()).params(statements.params()).query((rs, row) -> rs.getString("id")).list();
    }

    @Test
    void aPageBeyondTheEndIsEmptyButStillCounts() {
        RecommendationSearch all = search(null, null, null, null, null, null, null);
        long total = queries.search(all, 0, null, 1, null).total();
        RecommendationPage beyond = queries.search(all, 10_000, null, 50, null);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(total);
        assertThat(beyond.next()).isNull();
    }

    @Test
    void nextLinksPageTheWholeListWithItsFiltersAndOnlyTheFirstPageCounts() throws Exception {
        List<String> whole = ids(read("/api/recommendations?topic=4&sort=title&order=desc&size=200"));
        JsonNode first = read("/api/recommendations?topic=4&sort=title&order=desc&size=3");
        assertThat(first.path("total").asLong()).isEqualTo(whole.size());
        assertThat(first.path("page").asInt()).isZero();

        List<String> followed = new ArrayList<>(ids(first));
        JsonNode page = first;
        while (!page.path("next").isNull()) {
            assertThat(page.path("next").asString()).startsWith("/api/recommendations?topic=4&sort=title&order=desc&size=3&after=");
            page = follow(page.path("next").asString());
            assertThat(page.path("total").isNull()).as("a cursor's page is not counted").isTrue();
            assertThat(page.path("page").isNull()).isTrue();
            followed.addAll(ids(page));
        }
        assertThat(followed).isEqualTo(whole);

        // a page asked by number links on with a cursor; "as of" a past instant, by number
        assertThat(read("/api/recommendations?page=1&size=5").path("next").asString()).contains("&after=");
        String asOf = read("/api/recommendations?asOf=2099-01-01T00:00:00Z&size=5").path("next").asString();
        assertThat(asOf).endsWith("&asOf=2099-01-01T00%3A00%3A00Z&size=5&page=1");
        assertThat(follow(asOf).path("page").asInt()).isEqualTo(1);
    }

    /** A link as the service wrote it, already encoded. */
    private JsonNode follow(String link) throws Exception {
        return json.readTree(mvc.perform(get(URI.create(link))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void aCursorThatIsNotOneOfThisListsIsA400NamingAfter() throws Exception {
        String title = read("/api/recommendations?sort=title&size=2").path("next").asString();
        String cursor = title.substring(title.indexOf("after=") + 6);
        String updatedAt = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("updatedAt~asc~2.1~:%2B99999-01-01T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        String nul = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("title~asc~2.1~:a%00b".getBytes(StandardCharsets.UTF_8));
        String overflow = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("id~asc~2.99999999999~".getBytes(StandardCharsets.UTF_8));
        for (String query : List.of("after=not-a-cursor!", "after=", "after=" + cursor, "sort=title&order=desc&after=" + cursor,
                "sort=title&page=1&after=" + cursor, "sort=title&asOf=2021-01-01T00:00:00Z&after=" + cursor,
                "sort=updatedAt&after=" + updatedAt, "sort=title&after=" + nul, "after=" + overflow)) {
            mvc.perform(get("/api/recommendations?" + query))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:invalid-input"))
                    .andExpect(jsonPath("$.field").value("after"));
        }
        mvc.perform(get("/api/recommendations?sort=title&size=2&after=" + cursor)).andExpect(status().isOk());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private static RecommendationSearch search(String topic, RecommendationStatus status, Ownership ownership,
            CoordinationLevel coordination, String tag, String quarter, String text) {
        return new RecommendationSearch(null, topic, status, ownership, coordination, tag, quarter, text, false, SortField.id, false);
    }

    /** Page by page, by number and by following cursors, the SQL answer is the in-memory one. */
    private void assertSameAsInMemory(RecommendationSearch search, int size) {
        List<String> expected = repository.findAll().stream().filter(search.matcher()).sorted(search.order())
                .map(Recommendation::id).toList();
        List<String> actual = new ArrayList<>();
        for (int page = 0; page * size < expected.size() + size; page++) {
            RecommendationPage answer = queries.search(search, page, null, size, null);
            assertThat(answer.total()).as("total of %s", search).isEqualTo(expected.size());
            answer.items().forEach(item -> actual.add(item.id()));
        }
        assertThat(actual).as("%s", search).containsExactlyElementsOf(expected);

        List<String> followed = new ArrayList<>();
        RecommendationPage answer = queries.search(search, 0, null, size, null);
        answer.items().forEach(item -> followed.add(item.id()));
        while (answer.next() != null) {
            String after = UriComponentsBuilder.fromUriString(answer.next()).build().getQueryParams().getFirst("after");
            answer = queries.search(search, 0, ListCursor.decode(after, search.sort(), search.descending()), size, null);
            answer.items().forEach(item -> followed.add(item.id()));
        }
        assertThat(followed).as("%s by cursor", search).containsExactlyElementsOf(expected);
    }
}
