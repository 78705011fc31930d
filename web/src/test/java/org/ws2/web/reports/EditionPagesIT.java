package org.ws2.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * The quarterly update's pages: {@code /reports} lists the editions and the feed; {@code /reports/{quarter}} shows
 * an edition as people read it, with its revisions and downloads; support staff write its sections there and send
 * it to review, an admin publishes it and its corrections. The API is a stand-in gateway that records what the
 * pages send.
 */
class EditionPagesIT extends PageIT {

    static final String SOAC = """
            [{"who":"ALAC","groupIds":["ALAC"],"sentence":"ALAC is implementing 12 recommendations.","editorial":["ALAC held two webinars."]},
             {"who":"GNSO Council and ccNSO","groupIds":["GNSO Council","ccNSO"],"sentence":"GNSO Council and ccNSO are planning.","editorial":[]}]""";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/reports/editions", """
                [{"quarter":"2021-Q3","label":"Q3 2021","status":"DRAFT","version":2,"revision":0,"url":"http://x/reports/2021-Q3"},
                 {"quarter":"2021-Q2","label":"Q2 2021","status":"PUBLISHED","version":5,"revision":2,"url":"http://x/reports/2021-Q2"}]""")
                .on("GET /api/reports/editions/2021-Q2", request -> Answer.ok(edition("2021-Q2", "PUBLISHED", 5, 2,
                        request.query() != null && request.query().contains("revision=1") ? "Revision one's headline" : "")))
                .on("GET /api/reports/editions/2021-Q3", new Answer(200, edition("2021-Q3", "DRAFT", 2, 0, ""), "\"2\""))
                .on("GET /api/reports/editions/2021-Q4", new Answer(200, edition("2021-Q4", "IN_REVIEW", 7, 0, ""), "\"7\""))
                .on("PUT /api/reports/editions/2021-Q3", request -> request.body().contains("\"bad\"")
                        ? Answer.problem(400, "sections.milestones[0].targetQuarter", "sections.milestones[0].targetQuarter: must be a year and quarter such as 2021-Q3")
                        : Answer.ok("{\"quarter\":\"2021-Q3\",\"status\":\"DRAFT\",\"version\":3}"))
                .on("PUT /api/reports/editions/2022-Q1", Answer.created("{\"quarter\":\"2022-Q1\",\"status\":\"DRAFT\",\"version\":0}"))
                .on("POST /api/reports/editions/2021-Q3/review", Answer.ok("{\"status\":\"IN_REVIEW\"}"))
                .on("POST /api/reports/editions/2021-Q4/draft", Answer.ok("{\"status\":\"DRAFT\"}"))
                .on("POST /api/reports/editions/2021-Q4/publish", Answer.problem(412, null, "stale"))
                .on("POST /api/reports/editions/2021-Q2/publish", new Answer(409, """
                        {"type":"urn:ws2:problem:conflict","title":"Conflict","status":409,"detail":"Edition 2021-Q2 is published already."}""", null))
                .on("POST /api/reports/editions/2021-Q2/corrections", Answer.created("{\"status\":\"PUBLISHED\",\"revision\":3}"));
    }

    @Test
    void theReportsPageListsTheEditionsAndTheirFeed() throws Exception {
        String html = shown("/reports");
        String editions = Forms.between(html, "data-testid=\"editions\"", "</table>");
        assertThat(editions).contains("href=\"/reports/2021-Q3\"").contains("Draft")
                .contains("href=\"/reports/2021-Q2\"").contains("Published");
        assertThat(html).contains("href=\"/reports/editions.atom\"");
    }

    @Test
    void theReportsPageShowsOneProgrammeAtATime() throws Exception {
        GATEWAY.on("GET /api/topics", """
                [{"prefix":"1","name":"Diversity"},{"prefix":"ATRT3-1","name":"Reviews","programme":"ATRT3"}]""")
                .on("GET /api/reports/editions", request -> Answer.ok(request.query() != null
                        && request.query().contains("programme=ATRT3")
                        ? "[{\"quarter\":\"2021-Q2\",\"label\":\"Q2 2021\",\"status\":\"PUBLISHED\",\"version\":1,\"revision\":1}]"
                        : "[]"));

        String atrt3 = shown("/reports?programme=ATRT3");
        assertThat(Forms.between(atrt3, "id=\"r-programme\"", "</select>"))
                .contains("<option value=\"WS2\">WS2</option>").contains("value=\"ATRT3\" selected");
        assertThat(Forms.between(atrt3, "data-testid=\"editions\"", "</table>"))
                .contains("href=\"/reports/2021-Q2?programme=ATRT3\"");
        assertThat(atrt3).contains("Quarterly updates<span> of ATRT3</span>")
                .contains("/api/reports/quarterly/2021-Q2?format=pdf&amp;programme=ATRT3")
                .contains("/api/reports/matrix?programme=ATRT3");

        // WS2's page reads as before programmes: no parameter anywhere; a code that is not one shows WS2's
        String ws2 = shown("/reports?programme=not%20a%20code");
        assertThat(ws2).contains("No edition is published yet.").doesNotContain("programme=")
                .contains("value=\"WS2\" selected");
    }

    @Test
    void anEditionReadsAsTheUpdateWithItsRevisionsAndDownloads() throws Exception {
        String body = shown("/reports/2021-Q2");
        assertThat(body).contains("Quarterly update Q2 2021")
                .contains("Published").contains("ALAC is implementing 12 recommendations.").contains("ALAC held two webinars.")
                .contains("Webinar series with the SO/AC chairs").contains("Engagement").contains("Three webinars held")
                .contains("Guidelines adopted").contains("Late").contains("Comment on the draft guidelines")
                .contains("Next meeting at ICANN72").contains("ws2-implementation@icann.org")
                .contains("28").contains("13 complete")
                .contains("Fixed the count of ALAC recommendations");
        String milestones = Forms.between(body, "data-testid=\"milestones\"", "</ul>");
        assertThat(Forms.between(milestones, "Guidelines adopted", "</li>")).contains("2021-Q1").contains("In progress").contains("Late");
        assertThat(Forms.between(milestones, "All complete", "</li>")).contains("2022-Q4").doesNotContain("Late");
        assertThat(body).contains("href=\"/reports/2021-Q2?revision=1\"").contains("href=\"/reports/2021-Q2?revision=2\"");
        for (String format : List.of("html", "md", "pdf", "pptx")) {
            assertThat(body).contains("href=\"/api/reports/editions/2021-Q2?format=" + format + "\"");
        }
        assertThat(body).as("no editing for a reader").doesNotContain("name=\"highlights\"").doesNotContain("/publish");
    }

    @Test
    void anOlderRevisionIsAskedForAndItsDownloadsAreOfIt() throws Exception {
        String html = shown("/reports/2021-Q2?revision=1");
        assertThat(GATEWAY.calls()).contains("GET /api/reports/editions/2021-Q2?revision=1 auth=false if-match=null ");
        assertThat(html).contains("Revision one&#39;s headline")
                .contains("href=\"/api/reports/editions/2021-Q2?format=pdf&amp;revision=1\"");
    }

    @Test
    void anEditionNotPublishedIsNotFoundForAReader() throws Exception {
        assertThat(statusOf("/reports/2022-Q1")).isEqualTo(404);
    }

    @Test
    void supportStaffWriteTheSectionsOneItemPerLineAndTheApiGetsThemWithTheVersionRead() throws Exception {
        signIn("sam.support", "support-staff");
        String shown = browser.get(page("/reports/2021-Q3")).body();
        assertThat(shown).contains("name=\"highlights\"").contains("Send to review").doesNotContain("/publish\"");
        assertThat(Forms.input(shown, "line.ALAC")).contains("value=\"ALAC held two webinars.\"");

        HttpResponse<String> saved = browser.post(page("/reports/2021-Q3"), Forms.encoded(Forms.of(shown, "/reports/2021-Q3"), Map.of(
                "line.ccNSO", List.of("ccNSO, with care, reviewed its rules."),
                "highlights", List.of("First highlight\r\n\r\n  Second highlight  "),
                "workstreams", List.of("Engagement: Three webinars held\nReporting: The update is written in the tracker"),
                "milestones", List.of("Guidelines adopted | 2021-Q1 | in progress\nAll complete | 2022-Q4 | Not started"),
                "asks", List.of("Comment on the draft guidelines"),
                "aob", List.of(""),
                "contact", List.of("ws2-implementation@icann.org"))));

        assertRedirected(saved, "/reports/2021-Q3");
        assertThat(GATEWAY.changes()).containsExactly("PUT /api/reports/editions/2021-Q3 auth=true if-match=\"2\" "
                + "{\"groupLines\":[{\"groupId\":\"ALAC\",\"text\":\"ALAC held two webinars.\"},"
                + "{\"groupId\":\"ccNSO\",\"text\":\"ccNSO, with care, reviewed its rules.\"}],"
                + "\"highlights\":[\"First highlight\",\"Second highlight\"],"
                + "\"workstreams\":[{\"name\":\"Engagement\",\"status\":\"Three webinars held\"},"
                + "{\"name\":\"Reporting\",\"status\":\"The update is written in the tracker\"}],"
                + "\"milestones\":[{\"name\":\"Guidelines adopted\",\"targetQuarter\":\"2021-Q1\",\"status\":\"IN_PROGRESS\"},"
                + "{\"name\":\"All complete\",\"targetQuarter\":\"2022-Q4\",\"status\":\"NOT_STARTED\"}],"
                + "\"asks\":[\"Comment on the draft guidelines\"],\"aob\":[],\"contact\":\"ws2-implementation@icann.org\"}");
    }

    @Test
    void theFormShowsTheSavedLineOfAGroupInASharedSentenceAndASaveSendsItBack() throws Exception {
        // GNSO Council and ccNSO share a stage sentence; only ccNSO has a line, so the edition prints one line under it
        String shared = SOAC.replace("\"editorial\":[]", "\"editorial\":[\"ccNSO reviewed its rules.\"]");
        GATEWAY.on("GET /api/reports/editions/2021-Q3", new Answer(200, edition("2021-Q3", "DRAFT", 2, 0, "", shared, """
                [{"groupId":"ALAC","text":"ALAC held two webinars."},{"groupId":"ccNSO","text":"ccNSO reviewed its rules."}]"""),
                "\"2\""));
        signIn("sam.support", "support-staff");
        String shown = browser.get(page("/reports/2021-Q3")).body();
        assertThat(Forms.input(shown, "line.ccNSO")).contains("value=\"ccNSO reviewed its rules.\"");
        assertThat(Forms.input(shown, "line.GNSO Council")).doesNotContain("value=\"ccNSO");

        HttpResponse<String> saved = submit(shown, "/reports/2021-Q3");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(GATEWAY.changes()).singleElement().asString().contains("\"groupLines\":["
                + "{\"groupId\":\"ALAC\",\"text\":\"ALAC held two webinars.\"},"
                + "{\"groupId\":\"ccNSO\",\"text\":\"ccNSO reviewed its rules.\"}]");
    }

    @Test
    void aRefusedSectionShowsTheProblemBesideItsTextareaAndKeepsWhatWasTyped() throws Exception {
        signIn("sam.support", "support-staff");
        String shown = browser.get(page("/reports/2021-Q3")).body();

        HttpResponse<String> refused = browser.post(page("/reports/2021-Q3"), Forms.encoded(Forms.of(shown, "/reports/2021-Q3"), Map.of(
                "milestones", List.of("Guidelines adopted | bad | complete"))));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Guidelines adopted | bad | complete")
                .containsPattern("<p id=\"sections-milestones-problem\"[^>]*>sections.milestones\\[0\\].targetQuarter: must be a year")
                .contains("aria-describedby=\"sections-milestones-problem\"");
    }

    @Test
    void supportStaffStartAQuartersDraftWithoutAVersion() throws Exception {
        signIn("sam.support", "support-staff");
        GATEWAY.on("GET /api/reports/editions/2022-Q1", Answer.problem(404, null, "No edition 2022-Q1."));
        String shown = browser.get(page("/reports/2022-Q1")).body();
        assertThat(shown).contains("No edition of this quarter yet");

        HttpResponse<String> created = browser.post(page("/reports/2022-Q1"), Forms.encoded(Forms.of(shown, "/reports/2022-Q1"),
                Map.of("highlights", List.of("Started"))));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(GATEWAY.changes()).containsExactly("PUT /api/reports/editions/2022-Q1 auth=true if-match=null "
                + "{\"groupLines\":[],\"highlights\":[\"Started\"],\"workstreams\":[],\"milestones\":[],\"asks\":[],\"aob\":[],\"contact\":null}");
    }

    @Test
    void supportStaffSendADraftToReviewAndTakeItBack() throws Exception {
        signIn("sam.support", "support-staff");
        String draft = browser.get(page("/reports/2021-Q3")).body();

        HttpResponse<String> sent = submit(draft, "/reports/2021-Q3/review");
        String inReview = browser.get(page("/reports/2021-Q4")).body();
        assertThat(inReview).contains("In review").contains("Back to draft").doesNotContain("name=\"highlights\"")
                .as("only admins publish").doesNotContain("/reports/2021-Q4/publish");
        HttpResponse<String> back = submit(inReview, "/reports/2021-Q4/draft");

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(GATEWAY.changes()).containsExactly(
                "POST /api/reports/editions/2021-Q3/review auth=true if-match=\"2\" ",
                "POST /api/reports/editions/2021-Q4/draft auth=true if-match=\"7\" ");
    }

    @Test
    void anAdminsStalePublishSaysReloadAndPublishingTwiceIsASentence() throws Exception {
        signIn("ada.admin", "admin");
        String inReview = browser.get(page("/reports/2021-Q4")).body();

        HttpResponse<String> stale = submit(inReview, "/reports/2021-Q4/publish");

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Reload the page");
        assertThat(GATEWAY.changes()).containsExactly("POST /api/reports/editions/2021-Q4/publish auth=true if-match=\"7\" ");

        String csrf = Forms.csrf(stale.body());
        HttpResponse<String> twice = browser.post(page("/reports/2021-Q2/publish"), "_csrf=" + Forms.enc(csrf) + "&version=5");

        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(twice.body()).contains("Edition 2021-Q2 is published already.");
    }

    @Test
    void anAdminPublishesACorrectionWithItsNote() throws Exception {
        signIn("ada.admin", "admin");
        String published = browser.get(page("/reports/2021-Q2")).body();
        assertThat(published).doesNotContain("name=\"highlights\"");

        HttpResponse<String> corrected = browser.post(page("/reports/2021-Q2/corrections"), Forms.encoded(
                Forms.of(published, "/reports/2021-Q2/corrections"), Map.of("note", List.of("Fixed the date of the ALAC webinar"))));

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
        assertThat(GATEWAY.changes()).containsExactly("POST /api/reports/editions/2021-Q2/corrections auth=true if-match=\"5\" "
                + "{\"note\":\"Fixed the date of the ALAC webinar\"}");
    }

    /** Another programme's edition (issue 21): the page asks the API for it, and every form posts to it, by name. */
    @Test
    void anotherProgrammesEditionIsReadAndWrittenWithItsProgrammeEveryTime() throws Exception {
        GATEWAY.on("GET /api/reports/editions/2021-Q3?programme=ATRT3",
                        new Answer(200, edition("2021-Q3", "DRAFT", 4, 0, "ATRT3 webinar held"), "\"4\""))
                .on("PUT /api/reports/editions/2021-Q3?programme=ATRT3",
                        Answer.ok("{\"quarter\":\"2021-Q3\",\"status\":\"DRAFT\",\"version\":5}"))
                .on("POST /api/reports/editions/2021-Q3/review?programme=ATRT3", Answer.ok("{\"status\":\"IN_REVIEW\"}"));
        signIn("sam.support", "support-staff");
        String shown = browser.get(page("/reports/2021-Q3?programme=ATRT3")).body();

        assertThat(GATEWAY.calls()).contains("GET /api/reports/editions/2021-Q3?programme=ATRT3 auth=true if-match=null ");
        assertThat(shown).contains("ATRT3 quarterly update Q3 2021").contains("ATRT3 webinar held")
                .contains("href=\"/api/reports/editions/2021-Q3?format=pdf&amp;programme=ATRT3\"");
        HttpResponse<String> saved = submit(shown, "/reports/2021-Q3?programme=ATRT3");
        HttpResponse<String> sent = submit(shown, "/reports/2021-Q3/review?programme=ATRT3");

        assertRedirected(saved, "/reports/2021-Q3?programme=ATRT3");
        assertRedirected(sent, "/reports/2021-Q3?programme=ATRT3");
        assertThat(GATEWAY.changes()).hasSize(2);
        assertThat(GATEWAY.changes().get(0))
                .startsWith("PUT /api/reports/editions/2021-Q3?programme=ATRT3 auth=true if-match=\"4\" {\"groupLines\"");
        assertThat(GATEWAY.changes().get(1))
                .isEqualTo("POST /api/reports/editions/2021-Q3/review?programme=ATRT3 auth=true if-match=\"4\" ");
    }

    static String edition(String quarter, String status, long version, int revision, String headlineNote) {
        return edition(quarter, status, version, revision, headlineNote, SOAC, """
                [{"groupId":"ALAC","text":"ALAC held two webinars."}]""");
    }

    /** The API's edition; for support staff it carries the saved {@code sections}, with {@code groupLines}. */
    static String edition(String quarter, String status, long version, int revision, String headlineNote, String soac,
            String groupLines) {
        String highlight = headlineNote.isEmpty() ? "Second highlight" : headlineNote;
        String label = "Q" + quarter.charAt(6) + " " + quarter.substring(0, 4);
        String revisions = revision == 0 ? "[]" : """
                [{"revision":1,"publishedAt":"2021-07-05T10:00:00Z","correctionNote":null},
                 {"revision":2,"publishedAt":"2021-07-09T10:00:00Z","correctionNote":"Fixed the count of ALAC recommendations"}]""";
        return """
                {"quarter":"%s","status":"%s","version":%d,"revision":%d,"revisions":%s,
                 "label":"%s","asOf":"2021-06-30T23:59:59Z","publishedAt":null,"correctionNote":null,"url":"http://x/reports/%s",
                 "headline":{"org":{"total":28,"notStarted":5,"inProgress":10,"complete":13},
                             "community":{"total":100,"notStarted":40,"inProgress":50,"complete":10}},
                 "facts":{"quarter":"%s","label":"%s","newlyComplete":[],"engagements":[]},
                 "soacWork":%s,
                 "highlights":["Webinar series with the SO/AC chairs","%s"],
                 "workstreams":[{"name":"Engagement","status":"Three webinars held"}],
                 "milestones":[{"name":"Guidelines adopted","targetQuarter":"2021-Q1","status":"IN_PROGRESS","late":true},
                               {"name":"All complete","targetQuarter":"2022-Q4","status":"NOT_STARTED","late":false}],
                 "asks":["Comment on the draft guidelines"],"aob":["Next meeting at ICANN72"],
                 "contact":"ws2-implementation@icann.org",
                 "sections":{"groupLines":%s,
                   "highlights":["Webinar series with the SO/AC chairs","%s"],
                   "workstreams":[{"name":"Engagement","status":"Three webinars held"}],
                   "milestones":[{"name":"Guidelines adopted","targetQuarter":"2021-Q1","status":"IN_PROGRESS"},
                                 {"name":"All complete","targetQuarter":"2022-Q4","status":"NOT_STARTED"}],
                   "asks":["Comment on the draft guidelines"],"aob":["Next meeting at ICANN72"],
                   "contact":"ws2-implementation@icann.org"}}""".formatted(quarter, status, version, revision, revisions,
                label, quarter, quarter, label, soac, highlight, groupLines, highlight);
    }
}
