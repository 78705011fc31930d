package org.ws2.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * The overview shows the programme milestones of the newest published update (issue 21 item 2): each with its
 * target quarter, its status in words and, when reporting says so, that it is late; with no update published, or
 * reporting not answering, it says nothing of them. The API is a stand-in gateway.
 */
class OverviewMilestonesIT extends PageIT {

    static final String PROGRESS = """
            {"asOf":"2021-10-01T00:00:00Z","total":1,"byStatus":{"PLANNING":1},
             "byPublicStatus":{"NOT_STARTED":0,"IN_PROGRESS":1,"COMPLETE":0},
             "byTopic":[],"byPortfolio":{},"coordination":[],"waiting":[]}""";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/reports/progress", PROGRESS)
                .on("GET /api/recommendations", "{\"items\":[],\"total\":0}");
    }

    @Test
    void eachMilestoneOfTheNewestUpdateWithItsTargetStatusInWordsAndWhetherItIsLate() throws Exception {
        GATEWAY.on("GET /api/reports/milestones", """
                {"edition":{"quarter":"2021-Q2","label":"Q2 2021","revision":2,"url":"http://localhost:8080/reports/2021-Q2"},
                 "currentQuarter":"2021-Q4",
                 "milestones":[
                   {"name":"Implementation planning","targetQuarter":"2021-Q3","targetLabel":"Q3 2021","status":"IN_PROGRESS","late":true},
                   {"name":"Engagement plan","targetQuarter":"2021-Q3","targetLabel":"Q3 2021","status":"COMPLETE","late":false},
                   {"name":"Documenting implementation","targetQuarter":"2022-Q2","targetLabel":"Q2 2022","status":"NOT_STARTED","late":false}]}""");

        String html = shown("/");
        String milestones = Forms.between(html, "data-testid=\"milestones\"", "</section>");
        assertThat(milestones).contains("<h2 id=\"milestones-heading\">Programme milestones</h2>")
                .contains("<a href=\"/reports/2021-Q2\">Q2 2021 update</a>");
        assertThat(items(milestones)).containsExactly(
                "Implementation planning — target Q3 2021 · In progress · late",
                "Engagement plan — target Q3 2021 · Complete",
                "Documenting implementation — target Q2 2022 · Not started");
        assertThat(milestones).doesNotContain("IN_PROGRESS").doesNotContain("NOT_STARTED").doesNotContain("2021-Q3");
    }

    @Test
    void withNoUpdatePublishedTheOverviewSaysNothingOfMilestones() throws Exception {
        GATEWAY.on("GET /api/reports/milestones", "{\"edition\":null,\"currentQuarter\":\"2021-Q4\",\"milestones\":[]}");

        String html = shown("/");
        assertThat(html).contains("data-testid=\"total\"").doesNotContain("Programme milestones")
                .doesNotContain("data-testid=\"milestones\"");
    }

    @Test
    void whenReportingDoesNotAnswerTheMilestonesTheRestOfTheOverviewStands() throws Exception {
        GATEWAY.on("GET /api/reports/milestones", Answer.problem(503, null, "Reporting is not answering."));

        String drawn = shown("/");
        assertThat(drawn).contains("data-testid=\"total\"").doesNotContain("Programme milestones");
        assertThat(browser.get(page("/overview/live")).body()).doesNotContain("Programme milestones");
        assertThat(GATEWAY.calls()).filteredOn(call -> call.startsWith("GET /api/reports/milestones"))
                .as("the live part, refreshed on every change, does not read them").hasSize(1);
    }

    /** Each list item's text, its tags dropped and its spaces collapsed. */
    private static List<String> items(String html) {
        return Arrays.stream(html.split("<li>")).skip(1)
                .map(item -> item.substring(0, item.indexOf("</li>")).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip())
                .toList();
    }
}
