package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.recommendations.recommendation.RecommendationSearch.SortField;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

/**
 * List requests are filtered, sorted and paged by PostgreSQL. The in-memory matcher and order
 * (still used for "as of" reads) are the oracle: for every sort, direction and filter the SQL
 * answer must be the same page in the same order with the same total.
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
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/recommendations/4.77.1/retirement")
                .with(staff()).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"search test\"}")).andExpect(status().isOk());
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
                    assertSameAsInMemory(new RecommendationSearch(null, null, null, null, null, null, null, includeRetired,
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
        for (RecommendationSearch s : searches) {
            assertSameAsInMemory(s, 5);
        }
        assertThat(queries.search(search(null, null, null, null, "search-probe", null, null), 0, 50, null).total())
                .as("the retired probe is left out").isEqualTo(2);
    }

    @Test
    void aPageBeyondTheEndIsEmptyButStillCounts() {
        RecommendationSearch all = search(null, null, null, null, null, null, null);
        long total = queries.search(all, 0, 1, null).total();
        RecommendationPage beyond = queries.search(all, 10_000, 50, null);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(total);
    }

    private static RecommendationSearch search(String topic, RecommendationStatus status, Ownership ownership,
            CoordinationLevel coordination, String tag, String quarter, String text) {
        return new RecommendationSearch(topic, status, ownership, coordination, tag, quarter, text, false, SortField.id, false);
    }

    private void assertSameAsInMemory(RecommendationSearch search, int size) {
        List<String> expected = repository.findAll().stream().filter(search.matcher()).sorted(search.order())
                .map(Recommendation::id).toList();
        List<String> actual = new ArrayList<>();
        for (int page = 0; page * size < expected.size() + size; page++) {
            RecommendationPage answer = queries.search(search, page, size, null);
            assertThat(answer.total()).as("total of %s", search).isEqualTo(expected.size());
            answer.items().forEach(item -> actual.add(item.id()));
        }
        assertThat(actual).as("%s", search).containsExactlyElementsOf(expected);
    }
}
