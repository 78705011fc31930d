package org.ws2.web.assignment;

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
 * Issue 21 on the pages: the GNSO Council's editor says whom an assignment is for and hands it down to the
 * council's stakeholder groups, ticking them; a refusal comes back beside the field the API named, with the ticks
 * as they were; the group's page says in words what was handed down. The API is a stand-in gateway.
 */
class DelegationFormsIT extends PageIT {

    static final String PAGE = "/groups/GNSO-Council/assignments/1.1";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/groups/GNSO-Council/assignments/1.1", Answer.ok(assignment("GROUP", "[]")))
                .on("GET /api/groups/GNSO-Council/assignments/1.1/history", "[]")
                .on("GET /api/groups/GNSO-Council/assignments/1.1/comments", "[]")
                .on("GET /api/groups/GNSO-Council", """
                        {"id":"GNSO-Council","name":"GNSO Council","kind":"SO","parent":"GNSO"}""")
                .on("GET /api/groups/GNSO-Council/children", """
                        {"items":[{"id":"RySG","name":"Registries Stakeholder Group","kind":"GNSO_SG"},
                                  {"id":"RrSG","name":"Registrars Stakeholder Group","kind":"GNSO_SG"}],"total":2}""")
                .on("PUT /api/groups/GNSO-Council/assignments/1.1/scope", request -> request.body().contains("\"COMMUNITY\"")
                        ? Answer.ok(assignment("COMMUNITY", "[]"))
                        : Answer.problem(400, "scope", "scope must be GROUP, CHILDREN or COMMUNITY."))
                .on("POST /api/groups/GNSO-Council/assignments/1.1/delegation", request -> request.body().contains("NCSG")
                        ? Answer.problem(422, "to[1]", "'NCSG' is not one of GNSO Council's child groups (RySG, RrSG); nothing was handed down.")
                        : Answer.ok("{\"assignment\":" + assignment("CHILDREN", "[\"RySG\",\"RrSG\"]")
                                + ",\"triaged\":[\"RySG\",\"RrSG\"],\"alreadyAssigned\":[]}"));
    }

    @Test
    void anyoneReadsWhomItIsForInWords() throws Exception {
        GATEWAY.on("GET /api/groups/GNSO-Council/assignments/1.1", Answer.ok(assignment("CHILDREN", "[\"RySG\",\"RrSG\"]")));

        String html = shown(PAGE);
        String scope = Forms.between(html, "data-testid=\"scope\"", "</dd>");
        assertThat(scope).contains("Its child groups").contains("handed down to <span data-testid=\"delegated-to\">RySG, RrSG</span>")
                .doesNotContain("CHILDREN");
        // forms are the group's and support's
        assertThat(html).doesNotContain("data-testid=\"scope-form\"").doesNotContain("data-testid=\"delegation-form\"");
        assertThat(GATEWAY.calls()).noneMatch(call -> call.contains("/children"));
    }

    @Test
    void anAssignmentTheApiAnswersWithoutAScopeIsTheGroupsOwn() throws Exception {
        GATEWAY.on("GET /api/groups/GNSO-Council/assignments/1.1", Answer.ok(assignment(null, null)));

        String html = shown(PAGE);
        assertThat(Forms.between(html, "data-testid=\"scope\"", "</dd>")).contains("The group itself");
    }

    @Test
    void theEditorSaysWhomItIsForThroughTheApiAndABadValueComesBackBesideTheField() throws Exception {
        signIn("erin.editor", "group-editor", "GNSO-Council");
        String body = browser.get(page(PAGE)).body();
        var form = Forms.at(body, "data-testid=\"scope-form\"");
        assertThat(form.get("scope")).containsExactly("GROUP");
        assertThat(Forms.between(body, "data-testid=\"scope-form\"", "</form>"))
                .contains(">The group itself<").contains(">Its child groups<").contains(">The community as a whole<");

        HttpResponse<String> saved = browser.post(page(PAGE + "/scope"), Forms.encoded(form,
                Map.of("scope", List.of("COMMUNITY"), "note", List.of("For the whole community"))));
        HttpResponse<String> refused = browser.post(page(PAGE + "/scope"), Forms.encoded(form,
                Map.of("scope", List.of("EVERYONE"))));

        assertThat(GATEWAY.changes()).contains("PUT /api/groups/GNSO-Council/assignments/1.1/scope auth=true if-match=\"4\" "
                + "{\"scope\":\"COMMUNITY\",\"note\":\"For the whole community\"}");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValue(PAGE + "#state");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        String field = Forms.between(Forms.between(refused.body(), "data-testid=\"scope-form\"", "</form>"),
                "id=\"scope\"", "</div>");
        assertThat(field).contains("aria-describedby=\"scope-scope-problem\"")
                .contains("id=\"scope-scope-problem\"><span>scope must be GROUP, CHILDREN or COMMUNITY.</span>");
    }

    @Test
    void theEditorHandsItDownToTheTickedChildGroupsAndARefusalKeepsTheTicks() throws Exception {
        signIn("erin.editor", "group-editor", "GNSO-Council");
        String body = browser.get(page(PAGE)).body();
        var form = Forms.at(body, "data-testid=\"delegation-form\"");
        // every child ticked to begin with: handing down goes to all of them unless the editor says otherwise
        assertThat(form.get("to")).containsExactly("RySG", "RrSG");
        assertThat(Forms.between(body, "data-testid=\"delegation-form\"", "</form>"))
                .contains("<label for=\"to-RySG\">Registries Stakeholder Group</label>");

        HttpResponse<String> handed = browser.post(page(PAGE + "/delegation"), Forms.encoded(form));
        HttpResponse<String> refused = browser.post(page(PAGE + "/delegation"), Forms.encoded(form,
                Map.of("to", List.of("RySG", "NCSG"))));

        assertThat(GATEWAY.changes()).contains("POST /api/groups/GNSO-Council/assignments/1.1/delegation auth=true "
                + "if-match=\"4\" {\"to\":[\"RySG\",\"RrSG\"],\"note\":null}");
        assertThat(handed.statusCode()).isEqualTo(302);
        assertThat(handed.headers().firstValue("Location")).hasValue(PAGE + "#state");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        String again = Forms.between(refused.body(), "data-testid=\"delegation-form\"", "</form>");
        assertThat(again).contains("aria-describedby=\"delegation-to-problem\"")
                .contains("id=\"delegation-to-problem\"><span>").contains("NCSG").contains("is not one of GNSO Council");
        assertThat(Forms.at(refused.body(), "data-testid=\"delegation-form\"").get("to")).containsExactly("RySG");
    }

    @Test
    void theGroupPageSaysInWordsWhatWasHandedDown() throws Exception {
        GATEWAY.on("GET /api/assignments", "{\"items\":[" + assignment("CHILDREN", "[\"RySG\",\"RrSG\"]") + "],\"total\":1}")
                .on("GET /api/groups/GNSO-Council/stage", """
                        {"groupId":"GNSO-Council","groupName":"GNSO Council","stage":"NOT_STARTED",
                         "sentence":"GNSO Council – handed 1.1 to its stakeholder groups and constituencies.",
                         "counts":{"assignments":0,"triaged":0,"signOffRequested":0,"changesRequested":0,"signedOff":0,
                                   "prioritiesApproved":0,"prioritiesDraft":0,"notStarted":0,"inProgress":0,"implemented":0,
                                   "notApplicable":0,"started":0,"handedDown":1}}""");

        String group = shown("/groups/GNSO-Council");
        assertThat(group).contains("GNSO Council – handed 1.1 to its stakeholder groups and constituencies.")
                .contains("<span data-testid=\"handed-down-count\">1</span> handed down to its child groups")
                .contains("data-testid=\"scope-1-1\">Handed down to RySG, RrSG: their own assignments carry the work.</p>")
                .doesNotContain("CHILDREN");
    }

    /** The council's share of 1.1 as the API answers it; {@code scope} null leaves both fields out, as older answers do. */
    private static String assignment(String scope, String delegatedTo) {
        String fields = scope == null ? "" : ",\"scope\":\"" + scope + "\",\"delegatedTo\":" + delegatedTo
                + ",\"delegated\":" + (!"[]".equals(delegatedTo));
        return """
                {"id":"GNSO-Council:1.1","groupId":"GNSO-Council","recommendationId":"1.1","recommendationTitle":"Diversity criteria",
                 "topic":"Diversity","recommendationStatus":"IN_PROGRESS","applicabilityNote":null,"triage":"SIGNED_OFF",
                 "priority":null,"effort":null,"urgency":null,"priorityDraft":false,"notApplicableReason":null,
                 "progress":"NOT_STARTED","progressNote":null,"evidenceUrl":null,"comments":[],"version":4,"createdBy":null,
                 "createdAt":"2021-05-03T00:00:00Z","updatedBy":null,"updatedAt":"2021-06-30T08:00:00Z"%s}""".formatted(fields);
    }
}
