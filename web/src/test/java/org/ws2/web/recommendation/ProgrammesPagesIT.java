package org.ws2.web.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Request;

/**
 * Issue 21's programmes on the pages: the list offers a programme filter once another review is tracked
 * beside WS2 (and only then), and a recommendation's page says which programme it belongs to.
 */
class ProgrammesPagesIT extends PageIT {

    private static final String NO_ITEMS = "{\"items\":[],\"page\":0,\"size\":25,\"total\":0}";

    @Test
    void withWs2AloneTheListHasNoProgrammeFilter() throws Exception {
        GATEWAY.on("GET /api/topics", "[{\"prefix\":\"1\",\"name\":\"Diversity\",\"programme\":\"WS2\"}]")
                .on("GET /api/recommendations", NO_ITEMS);

        String list = shown("/recommendations");
        assertThat(list).doesNotContain("id=\"f-programme\"").contains("1 Diversity");
    }

    @Test
    void withAnotherProgrammeTheListFiltersByItAndOffersItsTopics() throws Exception {
        GATEWAY.on("GET /api/topics", """
                [{"prefix":"1","name":"Diversity","programme":"WS2"},
                 {"prefix":"ATRT3-1","name":"Public comment","programme":"ATRT3"}]""")
                .on("GET /api/recommendations", NO_ITEMS);

        HttpResponse<String> all = browser.get(page("/recommendations"));
        assertThat(all.body()).contains("id=\"f-programme\"", "<option value=\"ATRT3\">ATRT3</option>",
                "1 Diversity", "ATRT3-1 Public comment");

        String atrt3 = shown("/recommendations?programme=ATRT3");
        assertThat(atrt3).contains("<option value=\"ATRT3\" selected=\"selected\">ATRT3</option>",
                "ATRT3-1 Public comment").doesNotContain("1 Diversity");
        assertThat(GATEWAY.requests()).filteredOn(request -> request.path().equals("/api/recommendations"))
                .extracting(Request::query).anyMatch(query -> query.contains("programme=ATRT3"));
    }

    @Test
    void aRecommendationsPageSaysItsProgramme() throws Exception {
        GATEWAY.on("GET /api/recommendations/ATRT3-1.1", recommendation("ATRT3-1.1", ",\"programme\":\"ATRT3\""))
                .on("GET /api/recommendations/1.1", recommendation("1.1", ""))
                .on("GET /api/recommendations/ATRT3-1.1/history", "[]")
                .on("GET /api/recommendations/1.1/history", "[]");

        String atrt3 = shown("/recommendations/ATRT3-1.1");
        assertThat(atrt3).containsPattern("data-testid=\"programme\">ATRT3<");
        // as the API answered before programmes: WS2's
        assertThat(browser.get(page("/recommendations/1.1")).body()).containsPattern("data-testid=\"programme\">WS2<");
    }

    private static String recommendation(String id, String programme) {
        return """
                {"id":"%s","topic":"Public comment","topicPrefix":"1","title":"Improve public comment","summary":"",
                 "ownership":"ORG","sharedWith":[],"implementers":[],"targetQuarter":null,
                 "tags":[],"source":null,"verification":"entered by sam","status":"NOT_STARTED",
                 "publicStatus":"NOT_STARTED","publicStatusLabel":"Not started","derivedState":"NOT_STARTED",
                 "derivedStateLabel":"Not started","coordination":{"level":"NONE","rationale":null,"setBy":null,"setAt":null},
                 "dependsOn":[],"waitingOn":[],"evidenceCount":0,"retired":false,"retiredReason":null,"version":0,
                 "createdAt":"2021-06-28T00:00:00Z","updatedAt":"2021-06-28T00:00:00Z"%s}""".formatted(id, programme);
    }
}
