package org.ws2.groups.assignment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.ws2.groups.support.GroupsApiTestBase;

/**
 * Only support staff and admins entering past facts may give {@code effectiveAt}
 * (docs/assignment-workflow.md): a group's editor records its own steps as they happen, so that a
 * quarter's report cannot change after the fact. A back-dated step from an editor is a 403 problem and
 * changes nothing.
 */
class BackDatingIT extends GroupsApiTestBase {

    private static final String GROUP = "ORG-GIE";
    private static final String PATH = "/api/groups/" + GROUP + "/assignments/8.22.1";

    @Test
    void aGroupEditorMayNotBackDateItsStepsSupportAndAdminsMay() throws Exception {
        knownRecommendations("8.22.1");
        post("/api/assignments", staff(), """
                {"groupId":"%s","recommendationId":"8.22.1","effectiveAt":"2021-04-12T09:00:00Z"}""".formatted(GROUP))
                .andExpect(status().isCreated());
        post(PATH + "/triage", staff(), """
                {"to":"SIGN_OFF_REQUESTED","effectiveAt":"2021-04-19T09:00:00Z"}""").andExpect(status().isOk());

        refused(post(PATH + "/triage", editorOf(GROUP), """
                {"to":"SIGNED_OFF","effectiveAt":"2021-05-01T09:00:00Z"}"""));
        refused(put(PATH + "/priority", editorOf(GROUP), """
                {"priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM","effectiveAt":"2021-05-01T09:00:00Z"}""",
                "\"1\""));
        refused(put(PATH + "/progress", editorOf(GROUP), """
                {"progress":"IN_PROGRESS","effectiveAt":"2021-05-01T09:00:00Z"}""", "\"1\""));
        // a comment takes no effectiveAt from anyone: it is always recorded as it is made
        post(PATH + "/comments", editorOf(GROUP), """
                {"text":"Backdated?","effectiveAt":"2021-05-01T09:00:00Z"}""").andExpect(status().isBadRequest());
        unchanged(1, "triaged", "sign-off-requested");

        put(PATH + "/priority", admin(), """
                {"priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM","effectiveAt":"2021-05-03T09:00:00Z"}""",
                "\"1\"").andExpect(status().isOk());
        refused(post("/api/groups/" + GROUP + "/priorities/approval", editorOf(GROUP), """
                {"approve":[{"recommendationId":"8.22.1","version":2}],"effectiveAt":"2021-05-05T09:00:00Z"}"""));
        unchanged(2, "triaged", "sign-off-requested", "prioritized");

        post("/api/groups/" + GROUP + "/priorities/approval", admin(), """
                {"approve":[{"recommendationId":"8.22.1","version":2}],"effectiveAt":"2021-05-05T09:00:00Z"}""")
                .andExpect(status().isOk());
        post(PATH + "/triage", admin(), """
                {"to":"SIGNED_OFF","effectiveAt":"2021-05-06T09:00:00Z"}""").andExpect(status().isOk());
        mvc.perform(get(PATH + "/history")).andExpect(jsonPath("$[4].kind").value("signed-off"))
                .andExpect(jsonPath("$[4].at").value("2021-05-06T09:00:00Z"));

        // Without effectiveAt the editor's step is taken, as of now.
        put(PATH + "/progress", editorOf(GROUP), """
                {"progress":"IN_PROGRESS"}""", "\"4\"").andExpect(status().isOk());
    }

    private static void refused(ResultActions answer) throws Exception {
        answer.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:back-dating-not-allowed"))
                .andExpect(jsonPath("$.field").value("effectiveAt"));
    }

    private void unchanged(int version, String... kinds) throws Exception {
        mvc.perform(get(PATH)).andExpect(header().string("ETag", "\"" + version + "\""));
        mvc.perform(get(PATH + "/history")).andExpect(jsonPath("$[*].kind").value(Matchers.contains(kinds)));
    }
}
