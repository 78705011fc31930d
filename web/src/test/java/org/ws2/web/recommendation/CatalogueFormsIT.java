package org.ws2.web.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway;
import org.ws2.web.StubGateway.Answer;

/**
 * Support staff's catalogue work in the browser: each form on the recommendation pages sends the API the
 * request it documents, with the version the page showed as If-Match, and a refusal comes back beside the
 * field it names, a 412 as a request to reload. The API is a stand-in gateway at version 7 of 1.1 that
 * records each change it is sent.
 */
class CatalogueFormsIT extends PageIT {

    String csrf;

    @BeforeEach
    void openThePageAsSupportStaff() throws Exception {
        theApi();
        signIn("sam.support", "support-staff");
        String html = shown("/recommendations/1.1");
        assertThat(html).contains("action=\"/recommendations/1.1/details\"");
        csrf = Forms.csrf(html);
    }

    @Test
    void theEditFormReplacesTheDetailsWithIfMatchOfTheVersionShown() throws Exception {
        HttpResponse<String> saved = post("/recommendations/1.1/details", "version=7&title=" + Forms.enc("Diversity criteria")
                + "&summary=" + Forms.enc("Agree on the elements of diversity.") + "&ownership=CO_OWNED&sharedWith=BOARD"
                + "&implementers=" + Forms.enc("ICANN org\nSO/AC leaders") + "&targetQuarter=2021-Q3"
                + "&tags=" + Forms.enc("diversity, SO/AC") + "&note=" + Forms.enc("fixed the title"));

        assertThat(GATEWAY.changes()).containsExactly("PUT /api/recommendations/1.1 auth=true if-match=\"7\" {\"title\":\"Diversity criteria\","
                + "\"summary\":\"Agree on the elements of diversity.\",\"ownership\":\"CO_OWNED\",\"sharedWith\":[\"BOARD\"],"
                + "\"implementers\":[\"ICANN org\",\"SO/AC leaders\"],\"targetQuarter\":\"2021-Q3\","
                + "\"tags\":[\"diversity\",\"SO/AC\"],\"note\":\"fixed the title\"}");
        assertRedirected(saved, "/recommendations/1.1");
    }

    @Test
    void anEditFromAStalePageAsksForAReload() throws Exception {
        HttpResponse<String> refused = post("/recommendations/1.1/details", "version=6&title=Old&ownership=ORG");

        assertThat(GATEWAY.changes()).singleElement().asString().startsWith("PUT /api/recommendations/1.1 auth=true if-match=\"6\" ");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Someone else changed this since you opened the page. Reload the page");
    }

    @Test
    void aRefusedEditShowsTheProblemBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        HttpResponse<String> refused = post("/recommendations/1.1/details", "version=7&title=Kept&ownership=ORG&targetQuarter=Q3");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"Kept\"");
        assertThat(Forms.input(refused.body(), "targetQuarter")).contains("aria-describedby=\"edit-targetQuarter-problem\"")
                .contains("value=\"Q3\"");
        assertThat(refused.body()).containsPattern("<p id=\"edit-targetQuarter-problem\"[^>]*>targetQuarter: must be a quarter");
    }

    @Test
    void theTimelineSaysEachChangesKindInWords() throws Exception {
        GATEWAY.on("GET /api/recommendations/1.1/history", """
                [{"version":2,"kind":"STATUS_CHANGED","actor":"sam.support","changedAt":"2021-06-28T00:00:00Z","note":null,
                  "before":{"status":"NOT_STARTED"},"after":{"status":"PLANNING"}}]""");

        String body = browser.get(page("/recommendations/1.1")).body();

        assertThat(body).contains("<strong>Status changed</strong>").doesNotContain("status changed");
    }

    @Test
    void supportStaffAreLedFromARecommendationToTriagingItToChosenGroups() throws Exception {
        String body = browser.get(page("/recommendations/1.1")).body();

        assertThat(body).contains("href=\"/workspace?recommendation=1.1#triage-one\"");
    }

    @Test
    void supportStaffSeeTheFormToAddOneOnTheList() throws Exception {
        String list = shown("/recommendations");
        assertThat(Forms.input(list, "id")).contains("id=\"create-id\"").doesNotContain("value=\"x");
        assertThat(list).contains("<option value=\"ORG\" selected=\"selected\">ICANN org</option>");
    }

    @Test
    void supportStaffAddARecommendation() throws Exception {
        HttpResponse<String> created = post("/recommendations", "id=5.12&title=" + Forms.enc("Ombuds reports") + "&summary="
                + "&ownership=ORG&targetQuarter=&tags=&note=" + Forms.enc("from the Q3 update"));

        assertThat(GATEWAY.changes()).containsExactly("POST /api/recommendations auth=true if-match=null {\"id\":\"5.12\",\"title\":\"Ombuds reports\","
                + "\"summary\":null,\"ownership\":\"ORG\",\"targetQuarter\":null,\"tags\":[],\"note\":\"from the Q3 update\"}");
        assertRedirected(created, "/recommendations/5.12");
    }

    @Test
    void supportStaffAddAnotherProgrammesRecommendationByItsNumberAndTopic() throws Exception {
        HttpResponse<String> list = browser.get(page("/recommendations"));
        assertThat(Forms.input(list.body(), "programme")).contains("id=\"create-programme\"");
        assertThat(Forms.input(list.body(), "topic")).contains("id=\"create-topic\"");

        HttpResponse<String> created = post("/recommendations", "programme=ATRT3&id=1.1&topic=" + Forms.enc("Public comment")
                + "&title=" + Forms.enc("Improve public comment") + "&summary=&ownership=ORG&targetQuarter=&tags=&note=");

        assertThat(GATEWAY.changes()).containsExactly("POST /api/recommendations auth=true if-match=null {\"programme\":\"ATRT3\","
                + "\"number\":\"1.1\",\"topic\":\"Public comment\",\"title\":\"Improve public comment\",\"summary\":null,"
                + "\"ownership\":\"ORG\",\"targetQuarter\":null,\"tags\":[],\"note\":null}");
        assertThat(created.statusCode()).isEqualTo(302);
    }

    @Test
    void aRefusedNumberInAnotherProgrammeIsShownBesideTheNumberAndKeepsWhatWasTyped() throws Exception {
        HttpResponse<String> refused = post("/recommendations", "programme=ATRT3&id=one&topic=Trust&title=X&ownership=ORG");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Forms.input(refused.body(), "id")).contains("aria-describedby=\"create-number-problem\"")
                .contains("value=\"one\"");
        assertThat(Forms.input(refused.body(), "programme")).contains("value=\"ATRT3\"");
        assertThat(refused.body()).containsPattern("<p id=\"create-number-problem\"[^>]*>number: a topic number");
    }

    @Test
    void aRefusedNewRecommendationShowsTheProblemBesideItsId() throws Exception {
        HttpResponse<String> refused = post("/recommendations", "id=9.9&title=X&ownership=ORG");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Forms.input(refused.body(), "id")).contains("aria-describedby=\"create-id-problem\"").contains("value=\"9.9\"");
        assertThat(refused.body()).containsPattern("<p id=\"create-id-problem\"[^>]*>id: must be a WS2 id");
    }

    @Test
    void retiringSendsTheReasonWithIfMatch() throws Exception {
        HttpResponse<String> retired = post("/recommendations/1.1/retirement", "version=7&reason=" + Forms.enc("merged into 1.2"));

        assertThat(GATEWAY.changes()).containsExactly("POST /api/recommendations/1.1/retirement auth=true if-match=\"7\" {\"reason\":\"merged into 1.2\"}");
        assertThat(retired.statusCode()).isEqualTo(302);
    }

    @Test
    void theCoordinationFlagIsSetAndClearedWithANote() throws Exception {
        post("/recommendations/1.1/coordination", "version=7&level=REQUIRED&rationale=" + Forms.enc("needs every SO/AC"));
        post("/recommendations/1.1/coordination", "version=7&level=NONE&rationale=" + Forms.enc("agreed at ICANN71"));

        assertThat(GATEWAY.changes()).containsExactly(
                "PUT /api/recommendations/1.1/coordination auth=true if-match=\"7\" {\"level\":\"REQUIRED\",\"rationale\":\"needs every SO/AC\"}",
                "PUT /api/recommendations/1.1/coordination auth=true if-match=\"7\" {\"level\":\"NONE\",\"rationale\":\"agreed at ICANN71\"}");
    }

    @Test
    void aDependencyIsAddedAndRemovedAndACycleIsShownBesideTheField() throws Exception {
        HttpResponse<String> added = post("/recommendations/1.1/dependencies", "version=7&dependsOnId=2.3&note=" + Forms.enc("needs 2.3's policy"));
        HttpResponse<String> removed = post("/recommendations/1.1/dependencies/2.3/removal", "version=7");
        HttpResponse<String> cycle = post("/recommendations/1.1/dependencies", "version=7&dependsOnId=1.2&note=");

        assertThat(GATEWAY.changes()).containsExactly(
                "PUT /api/recommendations/1.1/dependencies/2.3 auth=true if-match=\"7\" {\"note\":\"needs 2.3's policy\"}",
                "DELETE /api/recommendations/1.1/dependencies/2.3 auth=true if-match=\"7\" ",
                "PUT /api/recommendations/1.1/dependencies/1.2 auth=true if-match=\"7\" {\"note\":null}");
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(cycle.statusCode()).isEqualTo(200);
        assertThat(Forms.input(cycle.body(), "dependsOnId")).contains("aria-describedby=\"dependency-dependsOnId-problem\"");
        assertThat(cycle.body()).containsPattern("<p id=\"dependency-dependsOnId-problem\"[^>]*>1.2 already depends on 1.1");
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.post(page(path), "_csrf=" + Forms.enc(csrf) + "&" + form);
    }

    /** The API at version 7 of 1.1: a change from an older page is refused (412), and a few bad inputs (400, 409). */
    private static void theApi() {
        GATEWAY.on("GET /api/recommendations/1.1", recommendation("1.1"))
                .on("GET /api/recommendations", "{\"items\":[" + recommendation("1.1") + "],\"page\":0,\"size\":25,\"total\":1}")
                .on("GET /api/recommendations/1.1/history", "[]")
                .on("GET /api/topics", "[]")
                .on("GET /api/engagements", "{\"items\":[],\"total\":0}")
                .on("GET /api/assignments", "{\"items\":[],\"total\":0}")
                .otherwise(CatalogueFormsIT::change);
    }

    private static Answer change(StubGateway.Request request) {
        String body = request.body();
        if (request.method().equals("GET")) {
            return Answer.problem(404, null, "Not found");
        } else if (request.ifMatch() != null && !request.ifMatch().equals("\"7\"")) {
            return Answer.problem(412, null, "1.1 is at version 7, not 6.");
        } else if (body.contains("\"targetQuarter\":\"Q3\"")) {
            return Answer.problem(400, "targetQuarter", "targetQuarter: must be a quarter such as 2021-Q3");
        } else if (body.contains("\"number\":\"one\"")) {
            return Answer.problem(422, "number", "number: a topic number and one to three more, e.g. 1.1 or 3.2.1.");
        } else if (body.contains("\"id\":\"9.9\"")) {
            return Answer.problem(400, "id", "id: must be a WS2 id such as 5.1 or 6.4.2");
        } else if (request.path().endsWith("/dependencies/1.2")) {
            return Answer.problem(409, null, "1.2 already depends on 1.1: this would close a cycle.");
        }
        String json = recommendation(body.contains("\"id\":\"5.12\"") ? "5.12" : "1.1");
        return request.method().equals("POST") && request.path().equals("/api/recommendations") ? Answer.created(json) : Answer.ok(json);
    }

    private static String recommendation(String id) {
        return """
                {"id":"%s","topic":"Diversity","topicPrefix":"1","title":"Diversity elements","summary":"Agree on elements.",
                 "ownership":"COMMUNITY","sharedWith":[],"implementers":["SO/AC leaders"],"targetQuarter":null,
                 "tags":["diversity"],"source":null,"verification":"id+content","status":"NOT_STARTED",
                 "publicStatus":"NOT_STARTED","publicStatusLabel":"Not started","derivedState":"NOT_STARTED",
                 "derivedStateLabel":"Not started","coordination":{"level":"NONE","rationale":null,"setBy":null,"setAt":null},
                 "dependsOn":["2.3"],"waitingOn":["2.3"],"evidenceCount":0,"retired":false,"retiredReason":null,"version":7,
                 "createdAt":"2021-06-28T00:00:00Z","updatedAt":"2021-06-28T00:00:00Z"}""".formatted(id);
    }
}
