package org.ws2.groups.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.ws2.groups.support.GroupsApiTestBase;

import tools.jackson.databind.JsonNode;

/**
 * An assignment's history shows everyone that a comment was made and that a group judged a
 * recommendation not applicable; the comment's text and author, and a draft's not-applicable reason,
 * only to those who may read them (docs/visibility.md): support staff, admins and the group's editors.
 * Nor does the assignment name the comment's author as its {@code updatedBy} to anyone else (issue 22).
 */
class HistoryVisibilityIT extends GroupsApiTestBase {

    private static final String GROUP = "ORG-PRS";
    private static final String COMMENTED = "/api/groups/" + GROUP + "/assignments/8.21.1";
    private static final String JUDGED = "/api/groups/" + GROUP + "/assignments/8.21.2";
    private static final String UPDATED = "/api/groups/" + GROUP + "/assignments/8.21.3";
    private static final String COMMENT_TEXT = "A question only ORG-PRS and support may read";
    private static final String REASON = "ORG-PRS drafts why 8.21.2 does not apply";

    @Test
    void aCommentsTextAndAuthorAreInTheHistoryOnlyForThoseWhoMayReadTheThread() throws Exception {
        assignAndCommentAsTheGroup("8.21.1");

        for (JwtRequestPostProcessor outsider : outsiders()) {
            JsonNode history = okJson(get(COMMENTED + "/history"), outsider);
            assertThat(kinds(history)).containsExactly("triaged", "commented");
            assertThat(history.get(1).path("note").isNull()).as("the comment's text").isTrue();
            assertThat(history.get(1).path("actor").isNull()).as("the comment's author").isTrue();
            assertThat(history.toString()).doesNotContain(COMMENT_TEXT);
            assertThat(okText(get("/api/groups/" + GROUP + "/assignments.csv"), outsider)).doesNotContain(COMMENT_TEXT);
        }
        for (JwtRequestPostProcessor insider : List.of(editorOf(GROUP), staff(), admin())) {
            JsonNode commented = okJson(get(COMMENTED + "/history"), insider).get(1);
            assertThat(commented.path("note").asString()).isEqualTo(COMMENT_TEXT);
            assertThat(commented.path("actor").asString()).isEqualTo("erin.editor");
        }
    }

    @Test
    void aCommentsAuthorIsNotShownAsTheAssignmentsUpdatedByToThoseWhoMayNotReadTheThread() throws Exception {
        assignAndCommentAsTheGroup("8.21.3");

        for (JwtRequestPostProcessor outsider : outsiders()) {
            assertThat(okJson(get(UPDATED), outsider).path("updatedBy").isNull()).as("the comment's author").isTrue();
            assertThat(okJson(get("/api/assignments?groupId=" + GROUP + "&recommendationId=8.21.3"), outsider)
                    .path("items").get(0).path("updatedBy").isNull()).as("the comment's author, listed").isTrue();
        }
        for (JwtRequestPostProcessor insider : List.of(editorOf(GROUP), staff(), admin())) {
            assertThat(okJson(get(UPDATED), insider).path("updatedBy").asString()).isEqualTo("erin.editor");
        }

        // A later step that is not a comment names its actor to signed-in readers again.
        post(UPDATED + "/triage", staff(), "{\"to\":\"SIGN_OFF_REQUESTED\"}").andExpect(status().isOk());
        assertThat(okJson(get(UPDATED), editorOf("ALAC")).path("updatedBy").asString()).isEqualTo("sam.support");
    }

    @Test
    void aDraftNotApplicableReasonIsInTheHistoryOnlyForTheGroupAndSupportUntilItIsPublished() throws Exception {
        assign("8.21.2");
        post(JUDGED + "/triage", staff(), "{\"to\":\"SIGN_OFF_REQUESTED\"}").andExpect(status().isOk());
        put(JUDGED + "/priority", editorOf(GROUP), """
                {"priority":"NOT_APPLICABLE","notApplicableReason":"%s"}""".formatted(REASON), etag(JUDGED))
                .andExpect(status().isOk());

        for (JwtRequestPostProcessor outsider : outsiders()) {
            JsonNode history = okJson(get(JUDGED + "/history"), outsider);
            assertThat(kinds(history)).containsExactly("triaged", "sign-off-requested",
                    "prioritized");
            assertThat(history.get(2).path("note").isNull()).as("a draft's not-applicable reason").isTrue();
            assertThat(history.toString()).doesNotContain(REASON);
            assertThat(okText(get("/api/groups/" + GROUP + "/assignments.csv"), outsider)).doesNotContain(REASON);
        }
        for (JwtRequestPostProcessor insider : List.of(editorOf(GROUP), staff(), admin())) {
            assertThat(okJson(get(JUDGED + "/history"), insider).get(2).path("note").asString()).isEqualTo(REASON);
        }

        // Approved and signed off, the reason is published: the history may say it too.
        post("/api/groups/" + GROUP + "/priorities/approval", editorOf(GROUP), """
                {"approve":[{"recommendationId":"8.21.2","version":%s}]}""".formatted(
                etag(JUDGED).replace("\"", ""))).andExpect(status().isOk());
        post(JUDGED + "/triage", editorOf(GROUP), "{\"to\":\"SIGNED_OFF\"}").andExpect(status().isOk());
        assertThat(okJson(get(JUDGED), null).path("notApplicableReason").asString()).isEqualTo(REASON);
        assertThat(okJson(get(JUDGED + "/history"), null).get(2).path("note").asString()).isEqualTo(REASON);
    }

    /** Assigns the recommendation to the group, as support triages it. */
    private void assign(String recommendationId) throws Exception {
        knownRecommendations(recommendationId);
        post("/api/assignments", staff(), """
                {"groupId":"%s","recommendationId":"%s"}""".formatted(GROUP, recommendationId))
                .andExpect(status().isCreated());
    }

    /** Assigns the recommendation to the group, whose editor then comments on it. */
    private void assignAndCommentAsTheGroup(String recommendationId) throws Exception {
        assign(recommendationId);
        post("/api/groups/" + GROUP + "/assignments/" + recommendationId + "/comments", editorOf(GROUP),
                "{\"text\":\"" + COMMENT_TEXT + "\"}").andExpect(status().isCreated());
    }

    /** An anonymous reader (null) and another group's editor. */
    private static List<JwtRequestPostProcessor> outsiders() {
        return Arrays.asList(null, editorOf("ALAC"));
    }

    private static List<String> kinds(JsonNode history) {
        List<String> kinds = new ArrayList<>();
        history.forEach(step -> kinds.add(step.path("kind").asString()));
        return kinds;
    }
}
