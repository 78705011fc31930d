package org.ws2.web.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * A group's reason for judging a recommendation not applicable to it is shown where people look (issue 20 item 3):
 * on the group page's assignments and on the recommendation page's per-group shares, as the assignment page shows
 * it. The API decides who reads it (docs/visibility.md): everyone once the group has signed off and approved its
 * judgement, only the group and support before; the page shows what the API gives and says when it is not yet
 * published. The stand-in gateway answers a signed-in caller (any Authorization header) as the group sees its
 * assignments and an anonymous one as the public does.
 */
class NotApplicableReasonPagesIT extends PageIT {

    static final String PUBLISHED = "The GNSO reports its diversity through ICANN org's survey";
    static final String DRAFT = "ALAC's own review covers this already";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/groups/GNSO", "{\"id\":\"GNSO\",\"name\":\"Generic Names Supporting Organization\",\"kind\":\"SO\",\"parent\":null}")
                .on("GET /api/groups/ALAC", "{\"id\":\"ALAC\",\"name\":\"At-Large Advisory Committee\",\"kind\":\"AC\",\"parent\":null}")
                .on("GET /api/recommendations/8.1.1.2", ReportedProgressPagesIT.RECOMMENDATION)
                .on("GET /api/recommendations/8.1.1.2/history", "[]")
                .on("GET /api/engagements", "{\"items\":[],\"total\":0}")
                .on("GET /api/assignments", request -> {
                    boolean insider = request.signedIn();
                    String gnso = assignment("GNSO", "8.1.1.2", "SIGNED_OFF", false, PUBLISHED);
                    String alac = assignment("ALAC", "8.1.1.2", "SIGN_OFF_REQUESTED", true, insider ? DRAFT : null);
                    String ncsg = assignment("NCSG", "8.1.1.2", "SIGNED_OFF", false, null);
                    String items = request.query().contains("groupId=GNSO") ? gnso
                            : request.query().contains("groupId=ALAC") ? alac : gnso + "," + alac + "," + ncsg;
                    return Answer.ok("{\"items\":[" + items + "],\"total\":1}");
                });
    }

    @Test
    void aSignedOffReasonIsOnTheGroupPageForEveryone() throws Exception {
        String html = shown("/groups/GNSO");
        String row = Forms.between(html, "id=\"rec-8-1-1-2\"", "</article>");
        assertThat(Forms.between(row, "data-testid=\"not-applicable-8-1-1-2\"", "</p>"))
                .contains("Why it does not apply: <span data-testid=\"not-applicable-reason\">"
                        + PUBLISHED.replace("'", "&#39;") + "</span>")
                .doesNotContain("a draft");
        assertThat(row).contains(">Not applicable : – : –</strong>");
    }

    @Test
    void theRecommendationPageGivesEachGroupsReasonAsTheApiGivesIt() throws Exception {
        String html = shown("/recommendations/8.1.1.2");
        String shares = Forms.between(html, "id=\"groups\"", "</table>");
        assertThat(Forms.between(shares, "href=\"/groups/GNSO\"", "</tr>"))
                .contains("data-testid=\"not-applicable-GNSO\"")
                .contains("<span data-testid=\"not-applicable-reason\">" + PUBLISHED.replace("'", "&#39;") + "</span>")
                .doesNotContain("a draft");
        // not signed off: the public is not given the reason, and the page says nothing of one
        assertThat(Forms.between(shares, "href=\"/groups/ALAC\"", "</tr>")).doesNotContain("Why it does not apply");
        assertThat(Forms.between(shares, "href=\"/groups/NCSG\"", "</tr>")).doesNotContain("Why it does not apply");
        assertThat(html).doesNotContain(DRAFT.replace("'", "&#39;"));
    }

    @Test
    void theGroupReadsItsReasonBeforeSignOffMarkedAsNotYetPublished() throws Exception {
        signIn("al.editor", "group-editor", "ALAC");

        String row = Forms.between(browser.get(page("/groups/ALAC")).body(), "id=\"rec-8-1-1-2\"", "</article>");

        assertThat(Forms.between(row, "data-testid=\"not-applicable-8-1-1-2\"", "</p>"))
                .contains("<span data-testid=\"not-applicable-reason\">" + DRAFT.replace("'", "&#39;") + "</span>")
                .contains("(a draft: published").contains("once the group signs off and approves it)");
        String share = Forms.between(browser.get(page("/recommendations/8.1.1.2")).body(), "href=\"/groups/ALAC\"", "</tr>");
        assertThat(share).contains(DRAFT.replace("'", "&#39;")).contains("(a draft: published");
    }

    private static String assignment(String group, String rec, String triage, boolean draft, String reason) {
        return """
                {"id":"%1$s:%2$s","groupId":"%1$s","recommendationId":"%2$s","recommendationTitle":"Title %2$s",
                 "triage":"%3$s","priority":%4$s,"effort":null,"urgency":null,"priorityDraft":%5$s,
                 "notApplicableReason":%6$s,"applicabilityNote":null,"progress":"NOT_APPLICABLE","progressNote":null,
                 "evidenceUrl":null,"comments":[],"version":4}""".formatted(group, rec, triage,
                draft && reason == null ? "null" : "\"NOT_APPLICABLE\"", draft, reason == null ? "null" : "\"" + reason + "\"");
    }
}
