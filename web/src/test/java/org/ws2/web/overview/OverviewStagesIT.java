package org.ws2.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * The overview's live part says where each SO and AC stands (issue 20 item 7a: the overview shows a group's new
 * stage without a reload): the reporting service's stage line of every group, kept for the Supporting
 * Organizations and Advisory Committees, in the Q2 2021 update's words, with the counts behind it; each line has
 * a selector of its own ({@code [data-group="ALAC"]}, its stage constant in {@code data-stage}). The part the
 * page's script fetches again ({@code /overview/live}) carries it too, and names the stream's event types it
 * follows. The API is a stand-in gateway.
 */
class OverviewStagesIT extends PageIT {

    static final String GROUPS = """
            {"asOf":"2026-12-06T15:00:00Z","groups":[
             {"groupId":"BOARD","name":"ICANN Board of Directors","kind":"BOARD","parent":null,"stage":"NOT_STARTED",
              "sentence":"ICANN Board of Directors – no recommendations have been triaged to it yet.","counts":%1$s},
             {"groupId":"ALAC","name":"At-Large Advisory Committee","kind":"AC","parent":null,"stage":"REVIEWED",
              "sentence":"At-Large Advisory Committee – has reviewed recs.","counts":%2$s},
             {"groupId":"ccNSO","name":"Country Code Names Supporting Organization","kind":"SO","parent":null,
              "stage":"AWAITING_SIGN_OFF","sentence":"Country Code Names Supporting Organization – support team has conducted initial triage; asked to review and sign off.",
              "counts":%3$s},
             {"groupId":"GAC","name":"Governmental Advisory Committee","kind":"AC","parent":null,"stage":"NOT_STARTED",
              "sentence":"Governmental Advisory Committee – no recommendations have been triaged to it yet.","counts":%1$s},
             {"groupId":"NCSG","name":"Non-Commercial Stakeholder Group","kind":"GNSO_SG","parent":"GNSO","stage":"TRIAGED",
              "sentence":"Non-Commercial Stakeholder Group – support team has conducted initial triage.","counts":%3$s},
             {"groupId":"HR","name":"Human Resources","kind":"ORG_FUNCTION","parent":null,"stage":"TRIAGED",
              "sentence":"Human Resources – support team has conducted initial triage.","counts":%3$s}]}"""
            .formatted(counts(0, 0, 0), counts(1, 0, 1), counts(3, 3, 0));

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/reports/progress", OverviewMilestonesIT.PROGRESS)
                .on("GET /api/recommendations", "{\"items\":[],\"total\":0}")
                .on("GET /api/reports/groups", GROUPS);
    }

    @Test
    void eachSoAndAcHasItsStageInWordsWithASelectorOfItsOwn() throws Exception {
        String html = shown("/");
        String stages = Forms.between(html, "data-testid=\"soac-stages\"", "</section>");
        String alac = Forms.between(stages, "data-group=\"ALAC\"", "</li>");
        assertThat(alac).startsWith("data-group=\"ALAC\" data-stage=\"REVIEWED\"")
                .contains("href=\"/groups/ALAC\">At-Large Advisory Committee</a>")
                .contains("<span data-testid=\"stage-sentence\">has reviewed recs</span>.")
                .contains("<span data-testid=\"assignments\">1</span>").contains("assignment:")
                .contains("<span data-testid=\"awaiting-sign-off\">0</span> awaiting sign-off")
                .contains("<span data-testid=\"signed-off\">1</span> signed off)");
        assertThat(Forms.between(stages, "data-group=\"ccNSO\"", "</li>")).contains("data-stage=\"AWAITING_SIGN_OFF\"")
                .contains("support team has conducted initial triage; asked to review and sign off</span>.")
                .contains(">3</span>").contains("assignments:");
        // nothing triaged yet: the sentence says so, and no counts of nothing
        assertThat(Forms.between(stages, "data-group=\"GAC\"", "</li>"))
                .contains("no recommendations have been triaged to it yet").doesNotContain("assignment");
        // the SOs and ACs only, Supporting Organizations first; the constants only in attributes, for selectors
        assertThat(stages).doesNotContain("data-group=\"NCSG\"").doesNotContain("data-group=\"HR\"")
                .doesNotContain("data-group=\"BOARD\"").doesNotContain(">REVIEWED").doesNotContain("AWAITING_SIGN_OFF<");
        assertThat(stages.indexOf("data-group=\"ccNSO\"")).isLessThan(stages.indexOf("data-group=\"ALAC\""));
    }

    @Test
    void theLivePartTheScriptFetchesAgainCarriesTheStagesAndNamesTheEventsItFollows() throws Exception {
        String live = shown("/overview/live");
        assertThat(live.strip()).startsWith("<div id=\"live\"")
                .contains("data-group=\"ALAC\" data-stage=\"REVIEWED\"");
        String events = Forms.between(live, "data-live-events=\"", "\">");
        assertThat(events).contains("org.ws2.assignment.triage-changed.v1", "org.ws2.assignment.priorities-approved.v1",
                "org.ws2.recommendation.status-changed.v1", "org.ws2.group.registered.v1")
                .doesNotContain("org.ws2.engagement.").doesNotContain("org.ws2.report.");
        assertThat(browser.get(page("/")).body()).contains(events);
    }

    @Test
    void withoutTheStagesTheFiguresStillShowAndThePageSaysSo() throws Exception {
        GATEWAY.on("GET /api/reports/groups", Answer.problem(503, null, "Reporting is not answering."));

        String html = shown("/");
        assertThat(html).contains("data-testid=\"total\">1</span>")
                .contains("The groups' stages are not available right now").doesNotContain("data-group=");
    }

    @Test
    void withoutTheFiguresTheStagesStillShow() throws Exception {
        GATEWAY.on("GET /api/reports/progress", Answer.problem(503, null, "Reporting is not answering."));

        String html = shown("/");
        assertThat(html).contains("The progress figures are not available right now")
                .contains("data-group=\"ALAC\" data-stage=\"REVIEWED\"");
    }

    static String counts(int assignments, int awaiting, int signedOff) {
        return """
                {"assignments":%d,"triaged":%d,"signOffRequested":%d,"changesRequested":0,"signedOff":%d,"prioritiesApproved":0,
                 "prioritiesDraft":0,"notStarted":%d,"inProgress":0,"implemented":0,"notApplicable":0}"""
                .formatted(assignments, assignments - awaiting - signedOff, awaiting, signedOff, assignments);
    }
}
