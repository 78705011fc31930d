package org.ws2.web.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * What groups report is shown where people look (issue 20 item 3): the group page's assignments and the
 * recommendation page's per-group shares carry each group's progress in words with its note and evidence link,
 * public fields (docs/visibility.md), to anyone; nothing is said where a group reported neither, a value that is
 * not an http(s) address is never made a link, and what only the group and support may read stays off the page
 * of anyone else. The API is a stand-in gateway that answers a signed-in caller (any Authorization header) as the
 * group sees its assignments and an anonymous one as the public does.
 */
class ReportedProgressPagesIT extends PageIT {

    static final String NOTE = "Drafting the operating procedures' amendments";
    static final String EVIDENCE = "https://gnso.icann.org/en/council/procedures/operating-procedures.pdf";
    static final String SECRET = "Council only: the BC objects to section 4";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/groups/GNSO", "{\"id\":\"GNSO\",\"name\":\"Generic Names Supporting Organization\",\"kind\":\"SO\",\"parent\":null}")
                .on("GET /api/recommendations/8.1.1.2", RECOMMENDATION)
                .on("GET /api/recommendations/8.1.1.2/history", "[]")
                .on("GET /api/engagements", "{\"items\":[],\"total\":0}")
                .on("GET /api/assignments", request -> {
                    boolean insider = request.signedIn();
                    String items = request.query().contains("groupId=GNSO")
                            ? assignment("GNSO", "8.1.1.2", "IN_PROGRESS", NOTE, EVIDENCE, insider) + ","
                                    + assignment("GNSO", "8.1.1.3", "NOT_STARTED", null, null, insider) + ","
                                    + assignment("GNSO", "6.1.1", "IMPLEMENTED", null, "javascript:alert(1)", insider)
                            : assignment("GNSO", "8.1.1.2", "IN_PROGRESS", NOTE, EVIDENCE, insider) + ","
                                    + assignment("ALAC", "8.1.1.2", "NOT_STARTED", null, null, insider) + ","
                                    + assignment("NCSG", "8.1.1.2", "IMPLEMENTED", null, "javascript:alert(1)", insider);
                    return Answer.ok("{\"items\":[" + items + "],\"total\":3}");
                });
    }

    @Test
    void theGroupPageShowsAnyoneEachAssignmentsProgressWithItsNoteAndEvidence() throws Exception {
        String body = shown("/groups/GNSO");
        String reported = Forms.between(body, "id=\"rec-8-1-1-2\"", "</article>");
        assertThat(reported).contains("data-testid=\"progress-8-1-1-2\">In progress</strong>")
                .contains("Note: <span data-testid=\"progress-note\">" + NOTE.replace("'", "&#39;") + "</span>")
                .contains("Evidence: <a href=\"" + EVIDENCE + "\" rel=\"noopener noreferrer\" data-testid=\"evidence-link\">gnso.icann.org</a>");
        // a group that reported nothing beyond its stage: no empty line, no "null"
        String silent = Forms.between(body, "id=\"rec-8-1-1-3\"", "</article>");
        assertThat(silent).contains(">Not started</strong>").doesNotContain("data-testid=\"reported-").doesNotContain("Note:")
                .doesNotContain("Evidence:").doesNotContain("null");
        // not an http(s) address: shown as text, never a link
        String odd = Forms.between(body, "id=\"rec-6-1-1\"", "</article>");
        assertThat(odd).contains("Evidence: <span>javascript:alert(1)</span>").doesNotContain("href=\"javascript:");
        // what only the group and support read is not the public's
        assertThat(body).doesNotContain(SECRET).doesNotContain("High : Moderate");
    }

    @Test
    void theGroupsEditorsProgressFormStartsFromWhatTheGroupReported() throws Exception {
        signIn("gus.gnso", "group-editor", "GNSO");

        String body = browser.get(page("/groups/GNSO")).body();

        var form = Forms.of(body, "/groups/GNSO/assignments/8.1.1.2/progress");
        assertThat(form.get("progress")).containsExactly("IN_PROGRESS");
        assertThat(form.get("note")).as("saving the stage alone keeps the note").containsExactly(NOTE);
        assertThat(form.get("evidenceUrl")).containsExactly(EVIDENCE);
        assertThat(Forms.of(body, "/groups/GNSO/assignments/8.1.1.3/progress").get("note")).containsExactly("");
    }

    @Test
    void theRecommendationPageShowsEachGroupsShareWithWhatItReported() throws Exception {
        String html = shown("/recommendations/8.1.1.2");
        String shares = Forms.between(html, "id=\"groups\"", "</table>");
        String gnso = Forms.between(shares, "href=\"/groups/GNSO\"", "</tr>");
        assertThat(gnso).contains("<span>In progress</span>")
                .contains("Note: <span data-testid=\"progress-note\">" + NOTE.replace("'", "&#39;") + "</span>")
                .contains("<a href=\"" + EVIDENCE + "\" rel=\"noopener noreferrer\" data-testid=\"evidence-link\">gnso.icann.org</a>");
        assertThat(Forms.between(shares, "href=\"/groups/ALAC\"", "</tr>")).contains("<span>Not started</span>")
                .doesNotContain("data-testid=\"reported-").doesNotContain("Note:").doesNotContain("Evidence:");
        assertThat(Forms.between(shares, "href=\"/groups/NCSG\"", "</tr>")).contains("<span>Implemented</span>")
                .contains("Evidence: <span>javascript:alert(1)</span>").doesNotContain("href=\"javascript:");
        assertThat(html).doesNotContain(SECRET);
    }

    /**
     * An assignment as the API answers it: to the group and support with its draft priority and comment thread,
     * to anyone else without (docs/visibility.md); the progress, its note and evidence link are public.
     */
    private static String assignment(String group, String rec, String progress, String note, String evidence,
            boolean insider) {
        return """
                {"id":"%1$s:%2$s","groupId":"%1$s","recommendationId":"%2$s","recommendationTitle":"Title %2$s",
                 "triage":"SIGNED_OFF","priority":%3$s,"effort":%4$s,"urgency":null,"priorityDraft":true,
                 "notApplicableReason":null,"applicabilityNote":null,"progress":"%5$s","progressNote":%6$s,
                 "evidenceUrl":%7$s,"comments":%8$s,"version":4}""".formatted(group, rec,
                insider ? "\"HIGH\"" : "null", insider ? "\"MODERATE\"" : "null", progress, json(note), json(evidence),
                insider ? "[{\"id\":\"c1\",\"author\":\"sam.support\",\"text\":\"" + SECRET + "\"}]" : "[]");
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    static final String RECOMMENDATION = """
            {"id":"8.1.1.2","topic":"SO/AC Accountability","topicPrefix":"8","title":"Document decision-making methods",
             "summary":"SOs and ACs should document their decision-making methods.","ownership":"COMMUNITY","sharedWith":[],
             "implementers":[],"targetQuarter":null,"tags":[],"status":"IN_PROGRESS","publicStatus":"IN_PROGRESS",
             "derivedStateLabel":"In progress","coordination":{"level":"NONE","rationale":null},"dependsOn":[],
             "waitingOn":[],"retired":false,"retiredReason":null,"version":3,"updatedAt":"2021-06-28T00:00:00Z"}""";
}
