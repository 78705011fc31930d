package org.ws2.web.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * The engagement pages: the page an engagement notice links to ({@code /engagements/{id}}) says in words
 * what was held, when, and what it concerns; the log lists the items; support staff record a new one,
 * and a refusal is shown beside the field the API named. The API is a stand-in gateway that records what
 * the pages send.
 */
class EngagementPagesIT extends PageIT {

    static final String WEBINAR = "6f1c2d3e-0000-4000-8000-000000000001";
    static final String RECORDED = "6f1c2d3e-0000-4000-8000-0000000000aa";
    static final String AT_ICANN71 = "6f1c2d3e-0000-4000-8000-000000000071";

    @BeforeEach
    void theApi() {
        GATEWAY.on("POST /api/engagements", request -> request.body().contains("\"heldOn\":\"1921-06-01\"")
                        ? Answer.problem(400, "heldOn", "heldOn: must be between 2000-01-01 and 2099-12-31, not 1921-06-01.")
                        : Answer.created(engagement(RECORDED, "WORKSHOP", "Accountability workshop", "2021-06-01", "[\"1.1\",\"6.4.2\"]")))
                .on("GET /api/engagements/" + WEBINAR, engagement(WEBINAR, "WEBINAR",
                        "ICANN Webinar on Work Stream 2 Implementation - 25 May 2021", "2021-05-25", "[\"1.1\",\"6.4.2\"]"))
                .on("GET /api/engagements", "{\"items\":[" + engagement(WEBINAR, "WEBINAR",
                        "ICANN Webinar on Work Stream 2 Implementation - 25 May 2021", "2021-05-25", "[]") + ","
                        + engagement("6f1c2d3e-0000-4000-8000-000000000002", "MEETING", "WS2-IT Meeting - 7 May 2021",
                                "2021-05-07", "[]") + "],\"page\":0,\"size\":25,\"total\":2}")
                .on("GET /api/assignments", request -> Answer.ok(request.query().contains("recommendationId=1.1")
                        ? "{\"items\":[{\"groupId\":\"ALAC\",\"recommendationId\":\"1.1\"},"
                                + "{\"groupId\":\"GNSO Council\",\"recommendationId\":\"1.1\"}],\"total\":2}"
                        : "{\"items\":[{\"groupId\":\"ALAC\",\"recommendationId\":\"6.4.2\"}],\"total\":1}"));
    }

    @Test
    void theLinkInAnEngagementNoticeOpensThePageWithItsFactsInWords() throws Exception {
        String html = shown("/engagements/" + WEBINAR);
        assertThat(html)
                .contains("ICANN Webinar on Work Stream 2 Implementation")
                .contains("25 May 2021")
                .contains(">Webinar<")
                .contains("href=\"/recommendations/1.1\"")
                .contains("href=\"/recommendations/6.4.2\"")
                .contains("href=\"/groups/ALAC\"").contains("href=\"/groups/GNSO%20Council\"")
                .contains("href=\"https://community.icann.org/display/IO/Webinars\"").contains("Meeting materials")
                .doesNotContain("WEBINAR").doesNotContain("2021-05-25<");
    }

    @Test
    void theMainNavigationLeadsToTheLog() throws Exception {
        String body = browser.get(page("/engagements/" + WEBINAR)).body();

        assertThat(body).contains("<li><a href=\"/engagements\" aria-current=\"page\">Engagements</a></li>");
    }

    @Test
    void anEngagementThatDoesNotExistIsAPlainNotFound() throws Exception {
        assertThat(statusOf("/engagements/6f1c2d3e-0000-4000-8000-00000000ffff")).isEqualTo(404);
    }

    @Test
    void theLogListsTheItemsAsTheApiOrdersThemNewestFirstAndFiltersByKind() throws Exception {
        String body = shown("/engagements?kind=WEBINAR");
        assertThat(body.indexOf("href=\"/engagements/" + WEBINAR + "\""))
                .isPositive().isLessThan(body.indexOf("WS2-IT Meeting - 7 May 2021"));
        assertThat(body).contains("<option value=\"WEBINAR\" selected=\"selected\">Webinar</option>");
        assertThat(body).as("no record form for a reader who is not support staff").doesNotContain("name=\"heldOn\"");
    }

    @Test
    void supportStaffRecordAnEngagementAndTheApiGetsItsJson() throws Exception {
        signIn("sam.support", "support-staff");
        String csrf = Forms.csrf(browser.get(page("/engagements")).body());

        HttpResponse<String> recorded = browser.post(page("/engagements"), "_csrf=" + Forms.enc(csrf)
                + "&kind=WORKSHOP&title=" + Forms.enc("Accountability workshop") + "&heldOn=2021-06-01"
                + "&description=" + Forms.enc("At ICANN71") + "&linkTitle=Slides&linkUrl=" + Forms.enc("https://example.org/slides")
                + "&linkTitle=&linkUrl=&recommendationIds=" + Forms.enc("1.1, 6.4.2 1.1")
                + "&meeting=" + Forms.enc(" ICANN71 ") + "&groupIds=" + Forms.enc("ALAC, GNSO Council,,"));

        assertThat(GATEWAY.changes()).containsExactly("POST /api/engagements auth=true if-match=null {\"kind\":\"WORKSHOP\",\"title\":\"Accountability workshop\","
                + "\"heldOn\":\"2021-06-01\",\"description\":\"At ICANN71\",\"links\":[{\"title\":\"Slides\","
                + "\"url\":\"https://example.org/slides\"}],\"recommendationIds\":[\"1.1\",\"6.4.2\",\"1.1\"],"
                + "\"meeting\":\"ICANN71\",\"groupIds\":[\"ALAC\",\"GNSO Council\"]}");
        assertRedirected(recorded, "/engagements/" + RECORDED);
    }

    @Test
    void aRefusedRecordShowsTheProblemBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        signIn("sam.support", "support-staff");
        String csrf = Forms.csrf(browser.get(page("/engagements")).body());

        HttpResponse<String> refused = browser.post(page("/engagements"), "_csrf=" + Forms.enc(csrf)
                + "&kind=MEETING&title=" + Forms.enc("Typo meeting") + "&heldOn=1921-06-01&description=&linkTitle=&linkUrl=");

        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(body).contains("value=\"Typo meeting\"");
        assertThat(Forms.input(body, "heldOn")).contains("aria-describedby=\"record-heldOn-problem\"").contains("aria-invalid=\"true\"");
        assertThat(body).containsPattern("<p id=\"record-heldOn-problem\"[^>]*>heldOn: must be between 2000-01-01");
    }

    @Test
    void anEngagementNamesItsIcannMeetingAndTheGroupsItRecordsWithoutWorkingThemOut() throws Exception {
        GATEWAY.on("GET /api/engagements/" + AT_ICANN71, engagement(AT_ICANN71, "MEETING", "WS2 session at ICANN71",
                "2021-06-14", "[\"1.1\"]", "\"ICANN71\"", "[\"GAC\",\"ccNSO\"]"));

        String html = shown("/engagements/" + AT_ICANN71);
        assertThat(html).contains("ICANN meeting: ICANN71")
                .contains("href=\"/groups/GAC\"").contains("href=\"/groups/ccNSO\"")
                .as("the groups it names, not those of its recommendations").doesNotContain("href=\"/groups/ALAC\"");
        assertThat(GATEWAY.calls()).noneMatch(call -> call.startsWith("GET /api/assignments"));
    }

    @Test
    void anEngagementWithoutGroupsStillShowsTheGroupsOfItsRecommendationsAndNoMeeting() throws Exception {
        GATEWAY.on("GET /api/engagements/" + AT_ICANN71, engagement(AT_ICANN71, "MEETING", "WS2 session",
                "2021-06-14", "[\"1.1\"]", "null", "[]"));

        String body = browser.get(page("/engagements/" + AT_ICANN71)).body();

        assertThat(body).contains("href=\"/groups/ALAC\"").contains("href=\"/groups/GNSO%20Council\"")
                .doesNotContain("ICANN meeting:");
    }

    @Test
    void theLogNamesEachItemsMeetingAndGroups() throws Exception {
        GATEWAY.on("GET /api/engagements", "{\"items\":[" + engagement(AT_ICANN71, "MEETING", "WS2 session at ICANN71",
                "2021-06-14", "[]", "\"ICANN71\"", "[\"GAC\"]") + "," + engagement(WEBINAR, "WEBINAR", "A webinar",
                "2021-05-25", "[]") + "],\"page\":0,\"size\":25,\"total\":2}");

        String body = browser.get(page("/engagements")).body();

        String first = Forms.between(body, "WS2 session at ICANN71", "</li>");
        assertThat(first).contains("ICANN meeting: ICANN71").contains("href=\"/groups/GAC\"");
        assertThat(Forms.between(body, "A webinar", "</li>")).doesNotContain("ICANN meeting").doesNotContain("/groups/");
    }

    @Test
    void theRecordFormAsksForTheMeetingAndTheGroups() throws Exception {
        signIn("sam.support", "support-staff");

        String body = browser.get(page("/engagements")).body();

        assertThat(Forms.input(body, "meeting")).contains("type=\"text\"");
        assertThat(Forms.input(body, "groupIds")).contains("type=\"text\"");
    }

    private static String engagement(String id, String kind, String title, String heldOn, String recommendations) {
        return engagement(id, kind, title, heldOn, recommendations, null, null);
    }

    /** An engagement as the API answers it; {@code meeting} and {@code groupIds} as JSON, or null for an older API without them. */
    private static String engagement(String id, String kind, String title, String heldOn, String recommendations,
            String meeting, String groupIds) {
        return """
                {"id":"%s","kind":"%s","title":"%s","heldOn":"%s","description":"Reported in the Q2 2021 update.",
                 "links":[{"title":"Meeting materials","url":"https://community.icann.org/display/IO/Webinars"}],
                 "recommendationIds":%s,%s"version":0,"createdBy":null,"createdAt":"2021-06-28T00:00:00Z",
                 "updatedBy":null,"updatedAt":"2021-06-28T00:00:00Z"}""".formatted(id, kind, title, heldOn, recommendations,
                meeting == null ? "" : "\"meeting\":" + meeting + ",\"groupIds\":" + groupIds + ",");
    }
}
