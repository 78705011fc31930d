package org.ws2.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * Every page is usable on a phone: at 375 CSS pixels wide nothing makes the page scroll sideways (a wide
 * table scrolls inside its own box). A real headless Chromium ({@link Chromium}) draws each page, with
 * realistic answers from a stand-in gateway, for a signed-in member of support staff (the longest header).
 * Screenshots at 375 and 1280 px go to {@code target/screenshots/<page>-375.png} and {@code -1280.png}
 * for a person to look at.
 */
class PhoneWidthIT extends ChromiumPageIT {

    static final int PHONE = Chromium.PHONE;

    static final String COUNTS = "{\"NOT_STARTED\":12,\"IN_PROGRESS\":31,\"COMPLETE\":97}";
    static final String PROGRESS = """
            {"asOf":"2026-11-30T03:57:33.181139Z","total":140,
             "byStatus":{"NOT_STARTED":12,"PLANNING":9,"IN_IMPLEMENTATION":22,"IMPLEMENTED":97},
             "byPublicStatus":%1$s,
             "byTopic":[{"prefix":"1","topic":"Diversity","total":8,"byPublicStatus":%1$s},
                        {"prefix":"2","topic":"Guidelines for Good Faith Conduct in Participating in Board Removal Processes","total":2,"byPublicStatus":%1$s},
                        {"prefix":"8","topic":"Supporting Organization / Advisory Committee Accountability","total":29,"byPublicStatus":%1$s}],
             "byPortfolio":{"ORG":{"total":70,"byPublicStatus":%1$s},"COMMUNITY":{"total":80,"byPublicStatus":%1$s}},
             "coordination":[{"id":"6.1.1","title":"Improve diversity reporting across SOs and ACs","level":"REQUIRED","rationale":"Needs every SO and AC to agree on the approach first."}],
             "waiting":[{"id":"6.1.2","title":"Publish diversity data","waitsOn":["6.1.1","6.1.3"]}]}""".formatted(COUNTS);
    static final String RECOMMENDATION = """
            {"id":"8.1.1.2","title":"SOs and ACs should document their decision-making methods, indicating any presence of minority views",
             "topic":"8","derivedStateLabel":"In progress","status":"IN_IMPLEMENTATION","ownership":"CO_OWNED",
             "coordination":{"level":"WOULD_BENEFIT"},"updatedAt":"2026-11-30T03:57:33Z"}""";
    static final String GROUPS = """
            {"items":[{"id":"ALAC","name":"At-Large Advisory Committee","kind":"AC"},
                      {"id":"GNSO","name":"Generic Names Supporting Organization","kind":"SO"},
                      {"id":"NCSG","name":"Non-Commercial Stakeholder Group","kind":"GNSO_SG"}]}""";
    /** Each group's stage as the reporting service tells it: the groups page and the overview's SO/AC stages. */
    static final String GROUP_STAGES = """
            {"asOf":"2026-11-30T03:57:33Z","groups":[
             {"groupId":"GNSO","name":"Generic Names Supporting Organization","kind":"SO","parent":null,"stage":"AWAITING_SIGN_OFF",
              "sentence":"Generic Names Supporting Organization – support team has conducted initial triage; asked to review and sign off.",
              "counts":{"assignments":12,"triaged":0,"signOffRequested":11,"changesRequested":0,"signedOff":1,"prioritiesApproved":0,
                        "prioritiesDraft":0,"notStarted":12,"inProgress":0,"implemented":0,"notApplicable":0}},
             {"groupId":"ALAC","name":"At-Large Advisory Committee","kind":"AC","parent":null,"stage":"IMPLEMENTING",
              "sentence":"At-Large Advisory Committee – has reviewed recs, established priorities and begun implementing.",
              "counts":{"assignments":1,"triaged":0,"signOffRequested":0,"changesRequested":0,"signedOff":1,"prioritiesApproved":1,
                        "prioritiesDraft":0,"notStarted":0,"inProgress":1,"implemented":0,"notApplicable":0}},
             {"groupId":"RSSAC","name":"Root Server System Advisory Committee","kind":"AC","parent":null,"stage":"NOT_STARTED",
              "sentence":"Root Server System Advisory Committee – no recommendations have been triaged to it yet.",
              "counts":{"assignments":0,"triaged":0,"signOffRequested":0,"changesRequested":0,"signedOff":0,"prioritiesApproved":0,
                        "prioritiesDraft":0,"notStarted":0,"inProgress":0,"implemented":0,"notApplicable":0}},
             {"groupId":"NCSG","name":"Non-Commercial Stakeholder Group","kind":"GNSO_SG","parent":"GNSO","stage":"TRIAGED",
              "sentence":"Non-Commercial Stakeholder Group – support team has conducted initial triage.",
              "counts":{"assignments":3,"triaged":3,"signOffRequested":0,"changesRequested":0,"signedOff":0,"prioritiesApproved":0,
                        "prioritiesDraft":0,"notStarted":3,"inProgress":0,"implemented":0,"notApplicable":0}}]}""";
    static final String ASSIGNMENT = """
            {"groupId":"GNSO","recommendationId":"8.1.1.2","triage":"SIGN_OFF_REQUESTED","updatedAt":"2026-11-02T10:00:00Z"}""";
    static final String NOTICE = """
            {"id":"8d2c7a52-0000-4000-8000-000000000001","kind":"SIGN_OFF_REQUESTED",
             "subject":"The Generic Names Supporting Organization is asked to sign off 8.1.1.2 and 8.1.1.3",
             "message":"Review the drafts https://tracker.example.org/groups/GNSO/assignments/8.1.1.2/drafts and sign off.",
             "link":"/groups/GNSO","actor":"sam.support","occurredAt":"2026-11-30T01:06:16Z","read":false}""";
    static final String SUBSCRIPTION = """
            {"id":"5b0e9c7e-0000-4000-8000-000000000001","kind":"PERSON","channels":["INBOX","EMAIL"],"cadence":"DAILY",
             "email":"sam.support.with.a.long.address@implementation-team.example.org","groupIds":["ALAC","GNSO","NCSG"],
             "recommendationIds":[],"topics":["8"],"eventTypes":["org.ws2.recommendation.status-changed.v1"],
             "engagementKinds":[],"enabled":true,"version":3,"emailConfirmed":false}""";

    static final String ENGAGEMENT_ID = "6f1c2d3e-0000-4000-8000-000000000001";
    static final String ENGAGEMENT = """
            {"id":"%s","kind":"WEBINAR","title":"ICANN Webinar on Work Stream 2 Implementation - 25 May 2021","heldOn":"2021-05-25",
             "description":"The implementation team's progress on SO/AC accountability and diversity, with questions from the community.",
             "links":[{"title":"Meeting materials","url":"https://community.icann.org/display/IO/Webinars+on+WS2+implementation"}],
             "recommendationIds":["8.1.1.2","6.1.1","1.1"],"version":1,"createdBy":"sam.support","createdAt":"2021-06-28T00:00:00Z",
             "updatedBy":"sam.support","updatedAt":"2021-06-29T00:00:00Z"}""".formatted(ENGAGEMENT_ID);
    /** The GNSO's share of 8.1.1.2, for the assignment page: here with an evidence link longer than a phone is wide. */
    static final String GNSO_ASSIGNMENT = gnsoAssignment("CHANGES_REQUESTED",
            "https://gnso.icann.org/en/council/procedures/operating-procedures-with-a-long-address.pdf", "");

    /** The GNSO's share of 8.1.1.2 as the API answers it, at {@code triage}, with that evidence link and comments (JSON). */
    static String gnsoAssignment(String triage, String evidenceUrl, String comments) {
        return """
                {"id":"GNSO:8.1.1.2","groupId":"GNSO","recommendationId":"8.1.1.2",
                 "recommendationTitle":"SOs and ACs should document their decision-making methods, indicating any presence of minority views",
                 "triage":"%s","applicabilityNote":"Applies to the Council and its stakeholder groups alike",
                 "priority":"HIGH","effort":"SIGNIFICANT","urgency":"MEDIUM","priorityDraft":true,"notApplicableReason":null,
                 "progress":"IN_PROGRESS","progressNote":"Drafting the operating procedures' amendments",
                 "evidenceUrl":"%s","comments":[%s],"version":4,"updatedAt":"2026-11-02T10:00:00Z"}""".formatted(triage, evidenceUrl,
                comments);
    }

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/reports/progress", PROGRESS)
            .on("GET /api/recommendations", "{\"items\":[" + RECOMMENDATION + "," + RECOMMENDATION + "],\"total\":2}")
            .on("GET /api/topics", "[{\"prefix\":\"8\",\"name\":\"Supporting Organization / Advisory Committee Accountability\"}]")
            .on("GET /api/groups", GROUPS)
            .on("GET /api/reports/groups", GROUP_STAGES)
            .on("GET /api/assignments", "{\"items\":[" + ASSIGNMENT + "],\"total\":1}")
            .on("GET /api/notifications", "{\"items\":[" + NOTICE + "],\"page\":0,\"size\":50,\"total\":1,\"unread\":1}")
            .on("GET /api/subscriptions", "[" + SUBSCRIPTION + "]")
            .on("GET /api/engagements", "{\"items\":[" + ENGAGEMENT + "," + ENGAGEMENT + "],\"total\":2}")
            .on("GET /api/engagements/" + ENGAGEMENT_ID, ENGAGEMENT)
            .on("GET /api/groups/GNSO", "{\"id\":\"GNSO\",\"name\":\"Generic Names Supporting Organization\",\"kind\":\"SO\"}")
            .on("GET /api/groups/GNSO/assignments/8.1.1.2", GNSO_ASSIGNMENT)
            .on("GET /api/groups/GNSO/assignments/8.1.1.2/history", """
                    [{"version":1,"kind":"triaged","triageTo":"TRIAGED","actor":"sam.support","note":null,"at":"2026-10-01T09:00:00Z"},
                     {"version":2,"kind":"changes-requested","triageFrom":"SIGN_OFF_REQUESTED","triageTo":"CHANGES_REQUESTED",
                      "actor":"gus.gnso.council.liaison","note":"Name the Council's own procedures, not the stakeholder groups'","at":"2026-10-20T09:00:00Z"}]""")
            .on("GET /api/groups/GNSO/assignments/8.1.1.2/comments", """
                    [{"id":"c1","author":"sam.support","at":"2026-10-21T10:00:00Z","text":"Could the Council say which procedures it means?","replyTo":null},
                     {"id":"c2","author":"gus.gnso.council.liaison","at":"2026-10-22T08:00:00Z","text":"The GNSO Operating Procedures, section 4.","replyTo":"c1"}]""");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"overview, /", "recommendations, /recommendations", "groups, /groups", "reports, /reports",
            "workspace, /workspace", "inbox, /inbox", "settings, /settings/notifications", "engagements, /engagements",
            "engagement, /engagements/" + ENGAGEMENT_ID, "assignment, /groups/GNSO/assignments/8.1.1.2"})
    void noPageScrollsSidewaysOnAPhone(String name, String path) throws IOException {
        chromium().signIn(port, StubGateway.token("sam.support", List.of("support-staff"), List.of()));

        chromium().open("http://localhost:" + port + path, PHONE);
        long innerWidth = chromium().number("return window.innerWidth");
        long scrollWidth = chromium().number("return document.documentElement.scrollWidth");
        Object tooWide = chromium().widest();
        boolean drawn = !chromium().driver().findElements(By.cssSelector("main#main")).isEmpty();
        String title = chromium().driver().getTitle();
        chromium().screenshot(name + "-" + PHONE);
        chromium().open("http://localhost:" + port + path, Chromium.DESKTOP);
        chromium().screenshot(name + "-" + Chromium.DESKTOP);

        assertThat(drawn).as(path + " is drawn: " + title).isTrue();
        assertThat(innerWidth).as("the window is a phone's").isEqualTo(PHONE);
        assertThat(scrollWidth).as(path + " at " + PHONE + " px is " + scrollWidth + " px wide: it scrolls sideways; too wide: "
                + tooWide).isLessThanOrEqualTo(innerWidth);
    }

    @Test
    void theSiteHasAnIconAtFaviconIco() throws Exception {
        HttpResponse<byte[]> ico = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/reports")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).as("an ICO file").startsWith(0, 0, 1, 0);
        assertThat(page.body()).contains("<link rel=\"icon\" href=\"/favicon.ico\"");
    }
}
