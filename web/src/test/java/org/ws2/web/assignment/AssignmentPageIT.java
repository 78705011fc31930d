package org.ws2.web.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ws2.web.Chromium;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway;
import org.ws2.web.StubGateway.Answer;

/**
 * The page every assignment email links to ({@code /groups/{group}/assignments/{rec}}, issue 20): its state in
 * words and its timeline for anyone, and for the group's editors its thread and forms, whose refusals come back
 * beside the field the API named. The API is a stand-in gateway on a local port that answers a signed-in caller
 * (any Authorization header) as the group sees the assignment and an anonymous one as the public does.
 */
class AssignmentPageIT extends PageIT {

    static final String PAGE = "/groups/ALAC/assignments/1.1";

    @BeforeEach
    void theApi() {
        GATEWAY.on("POST /api/groups/ALAC/assignments/1.1/triage", request -> request.body().contains("\"note\":\"")
                        ? Answer.ok(assignment(true))
                        : Answer.problem(400, "note", "Say which changes the group asks for in note."))
                .on("PUT /api/groups/ALAC/assignments/1.1/progress", request -> "\"7\"".equals(request.ifMatch())
                        ? Answer.ok(assignment(true)) : Answer.problem(412, null, "Changed since you read it."))
                .on("POST /api/groups/ALAC/assignments/1.1/comments",
                        Answer.created("{\"id\":\"" + C2 + "\",\"author\":\"erin.editor\",\"text\":\"Noted.\"}"))
                .on("GET /api/groups/ALAC/assignments/1.1", request -> Answer.ok(assignment(request.signedIn())))
                .on("GET /api/groups/ALAC/assignments/1.1/history", request -> Answer.ok(history(request.signedIn())))
                .on("GET /api/groups/ALAC/assignments/1.1/comments", request -> request.signedIn() ? Answer.ok("""
                        [{"id":"%s","author":"sam.support","at":"2021-06-29T10:00:00Z","text":"We should discuss this at ICANN71.","replyTo":null},
                         {"id":"%s","author":"erin.editor","at":"2021-06-30T08:00:00Z","text":"Agreed; on the agenda.","replyTo":"%s"}]"""
                        .formatted(C1, C2, C1)) : Answer.problem(401, null, "Sign in."))
                .on("GET /api/groups/ALAC", "{\"id\":\"ALAC\",\"name\":\"At-Large Advisory Committee\",\"kind\":\"AC\",\"parent\":null}")
                .on("GET /api/assignments", request -> Answer.ok("{\"items\":[" + assignment(request.signedIn()) + "],\"total\":1}"));
    }

    @Test
    void anyoneReadsTheStateInWordsAndTheTimelineWithoutActors() throws Exception {
        String body = shown(PAGE);
        assertThat(text(body, "triage")).isEqualTo("Sign-off requested");
        assertThat(text(body, "progress")).isEqualTo("In progress");
        // the public sees a draft as no priority yet
        assertThat(body).contains("data-testid=\"priority\"><span>—</span>");
        assertThat(body).contains("href=\"/recommendations/1.1\"").contains("href=\"/groups/ALAC\"")
                .contains("At-Large Advisory Committee").contains("Independent review of ICANN accountability")
                .contains("href=\"https://atlarge.icann.org/ws2\"");
        String timeline = Forms.between(body, "data-testid=\"timeline\"", "</ol>");
        assertThat(timeline).contains("Comment added on 29 June 2021")
                .contains("Sign-off requested on 28 June 2021</span>: <q>Please review by July</q>")
                .contains("Triaged to the group on 3 May 2021")
                .doesNotContain(" by on").doesNotContain("by null");
        assertThat(timeline.indexOf("Comment added")).as("newest first").isLessThan(timeline.indexOf("Triaged"));
        assertThat(body).doesNotContain("data-testid=\"comment-form\"").doesNotContain("/assignments/1.1/triage")
                .doesNotContain("We should discuss");
        assertThat(GATEWAY.calls()).noneMatch(call -> call.contains("/comments"));
    }

    @Test
    void theGroupsEditorReadsTheThreadWithItsRepliesAndHasTheGroupsForms() throws Exception {
        signIn("erin.editor", "group-editor", "ALAC");

        String body = shown(PAGE);
        assertThat(body).contains("Sign-off requested by sam.support on 28 June 2021")
                .contains("Comment added by erin.editor on 29 June 2021");
        // the reply sits inside the comment it answers, and says which one
        String first = Forms.between(body, "id=\"comment-" + C1 + "\"", "data-testid=\"comment-form\"");
        assertThat(first).contains("We should discuss this at ICANN71.").contains("id=\"comment-" + C2 + "\"");
        assertThat(Forms.between(first, "id=\"comment-" + C2 + "\"", "</li>"))
                .contains("in reply to <a href=\"#comment-" + C1 + "\">sam.support</a>").contains("Agreed; on the agenda.");
        assertThat(body).contains("data-testid=\"signoff-form\"").contains("data-testid=\"priority-form\"")
                .contains("data-testid=\"progress-form\"").contains("data-testid=\"comment-form\"")
                .doesNotContain("data-testid=\"support-form\"");
        assertThat(Forms.at(body, "data-testid=\"progress-form\"").get("return")).containsExactly(PAGE);
        var priority = Forms.at(body, "data-testid=\"priority-form\"");
        assertThat(priority.get("priority")).as("the draft as the group holds it").containsExactly("HIGH");
        assertThat(priority.get("effort")).containsExactly("MODERATE");
        assertThat(priority.get("urgency")).containsExactly("");
        assertThat(body).contains("data-testid=\"priority\"><span>High</span><span> (a draft the group has not yet approved)</span>");
    }

    @Test
    void anotherGroupsEditorSeesNoThreadAndNoError() throws Exception {
        signIn("gus.gac", "group-editor", "GAC");

        String html = shown(PAGE);
        // the stand-in answers every signed-in caller as the group; the thread is what the page must not fetch
        assertThat(html).doesNotContain("at ICANN71").doesNotContain("data-testid=\"comment-form\"")
                .doesNotContain("class=\"problem\"").doesNotContain("/assignments/1.1/priority");
        assertThat(GATEWAY.calls()).noneMatch(call -> call.contains("/comments"));
    }

    @Test
    void aRefusalNamingAFieldComesBackBesideThatFieldOnThisPage() throws Exception {
        signIn("erin.editor", "group-editor", "ALAC");
        var form = Forms.at(browser.get(page(PAGE)).body(), "data-testid=\"signoff-form\"");

        HttpResponse<String> refused = browser.post(page(PAGE + "/triage"),
                Forms.encoded(form, Map.of("to", List.of("CHANGES_REQUESTED"))));

        assertThat(GATEWAY.calls()).contains("POST /api/groups/ALAC/assignments/1.1/triage auth=true if-match=\"7\" "
                + "{\"to\":\"CHANGES_REQUESTED\",\"note\":null}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        String signOff = Forms.between(refused.body(), "data-testid=\"signoff-form\"", "</form>");
        String noteField = Forms.between(signOff, "id=\"signoff-note\"", "</div>");
        assertThat(noteField).contains("aria-describedby=\"triage-note-problem\"")
                .contains("id=\"triage-note-problem\"><span>Say which changes the group asks for in note.</span>");
    }

    @Test
    void aStaleFormAsksForAReloadAndKeepsWhatWasTyped() throws Exception {
        signIn("erin.editor", "group-editor", "ALAC");
        var form = Forms.at(browser.get(page(PAGE)).body(), "data-testid=\"progress-form\"");
        String stale = Forms.encoded(form, Map.of("version", List.of("6"), "evidenceUrl", List.of("https://example.org/minutes")));

        HttpResponse<String> refused = browser.post(page(PAGE + "/progress"), stale);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.body()).contains("Someone changed this meanwhile: reload")
                .contains("<a href=\"" + PAGE + "\">Reload</a>").contains("value=\"https://example.org/minutes\"");
    }

    @Test
    void aFormFromThisPageComesBackHereAndAnyOtherReturnGoesToTheGroupPage() throws Exception {
        signIn("erin.editor", "group-editor", "ALAC");
        var form = Forms.at(browser.get(page(PAGE)).body(), "data-testid=\"comment-form\"");

        HttpResponse<String> posted = browser.post(page(PAGE + "/comments"), Forms.encoded(form, Map.of("text", List.of("Noted."))));
        HttpResponse<String> elsewhere = browser.post(page(PAGE + "/comments"), Forms.encoded(form,
                Map.of("return", List.of("//evil.example/x"), "text", List.of("Noted."))));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValue(PAGE + "#thread");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location")).hasValue("/groups/ALAC#rec-1-1");
    }

    @Test
    void anAssignmentTheApiDoesNotKnowIsANotFoundPage() throws Exception {
        HttpResponse<String> shown = browser.get(page("/groups/ALAC/assignments/9.9"));

        assertThat(shown.statusCode()).isEqualTo(404);
        assertThat(shown.body()).contains("Not found");
    }

    @Test
    void theGroupPageLinksEachAssignmentToItsPage() throws Exception {
        String group = shown("/groups/ALAC");
        assertThat(group).contains("href=\"" + PAGE + "\" data-testid=\"assignment-link\"");
    }

    /**
     * The editor's page and, after "Request changes" with no note, the refusal beside the note, as headless
     * Chromium draws them, under target/screenshots for a person to look at.
     */
    @Test
    void screenshotsOfTheEditorsPage() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            chromium.signIn(port, StubGateway.token("erin.editor", List.of("group-editor"), List.of("ALAC")));
            chromium.open(page(PAGE).toString(), Chromium.PHONE);
            chromium.screenshot("assignment-editor-375");
            chromium.open(page(PAGE).toString(), Chromium.DESKTOP);
            chromium.screenshot("assignment-editor-1280");

            chromium.resize(Chromium.PHONE);
            chromium.driver().findElement(By.cssSelector("[data-testid=signoff-form] button[value=CHANGES_REQUESTED]")).click();
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("triage-note-problem")));
            chromium.screenshot("assignment-refused-375");
        }
    }

    // --- the stand-in gateway's answers

    static final String C1 = "0b8f6a2e-1111-4c6b-9d2a-5d6f7e8a9b01";
    static final String C2 = "0b8f6a2e-2222-4c6b-9d2a-5d6f7e8a9b02";

    /** The assignment as the group (signed in) or the public sees it: a draft priority is the group's own. */
    private static String assignment(boolean insider) {
        return """
                {"id":"ALAC:1.1","groupId":"ALAC","recommendationId":"1.1","recommendationTitle":"Independent review of ICANN accountability",
                 "topic":"Diversity","recommendationStatus":"IN_PROGRESS","applicabilityNote":null,"triage":"SIGN_OFF_REQUESTED",
                 "priority":%s,"effort":%s,"urgency":null,"priorityDraft":true,"notApplicableReason":null,
                 "progress":"IN_PROGRESS","progressNote":"Drafting a response","evidenceUrl":"https://atlarge.icann.org/ws2",
                 "comments":[],"version":7,"createdBy":null,"createdAt":"2021-05-03T00:00:00Z","updatedBy":null,
                 "updatedAt":"2021-06-30T08:00:00Z"}""".formatted(insider ? "\"HIGH\"" : "null", insider ? "\"MODERATE\"" : "null");
    }

    /** Oldest first, as the API gives it; actors only for signed-in callers, the comment's author and text only for the group. */
    private static String history(boolean insider) {
        String support = insider ? "\"sam.support\"" : "null";
        return """
                [{"version":1,"kind":"triaged","triageFrom":null,"triageTo":"TRIAGED","actor":%s,"note":null,"at":"2021-05-03T00:00:00Z"},
                 {"version":2,"kind":"sign-off-requested","triageFrom":"TRIAGED","triageTo":"SIGN_OFF_REQUESTED","actor":%s,
                  "note":"Please review by July","at":"2021-06-28T00:00:00Z"},
                 {"version":3,"kind":"commented","triageFrom":"SIGN_OFF_REQUESTED","triageTo":"SIGN_OFF_REQUESTED","actor":%s,
                  "note":%s,"at":"2021-06-29T10:00:00Z"}]"""
                .formatted(support, support, insider ? "\"erin.editor\"" : "null", insider ? "\"We should discuss\"" : "null");
    }

    private static String text(String html, String testId) {
        Matcher element = Pattern.compile("data-testid=\"" + testId + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(element.find()).as("the page has " + testId).isTrue();
        return element.group(1);
    }
}
