package org.ws2.groups.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

/**
 * Who sees what of a group and its assignments (docs/visibility.md): anonymous
 * readers and another group's editor do not see e-mail addresses, draft priorities or the comment
 * thread; anonymous readers do not see who did what; the group's own editors and support staff see
 * everything.
 */
class VisibilityIT extends GroupsApiTestBase {

    private static final String GROUP = "VIS-G";
    private static final String REC = "8.9.1";
    private static final String OTHER_REC = "8.9.2";
    private static final String ASSIGNMENT = "/api/groups/" + GROUP + "/assignments/" + REC;

    private static boolean ready;

    @BeforeEach
    void groupWithContactsDraftPriorityAndComment() throws Exception {
        if (ready) {
            return;
        }
        knownRecommendations(REC, OTHER_REC);
        post("/api/groups", staff(), """
                {"id":"%s","name":"Visibility group","kind":"CROSS_COMMUNITY",
                 "contacts":[{"name":"Chris Chair","email":"chris.chair@vis.example","role":"CHAIR"}],
                 "members":[{"groupId":"ALAC","name":"Mo Member","email":"mo.member@vis.example","role":"MEMBER"}]}"""
                .formatted(GROUP)).andExpect(status().isCreated());
        post("/api/assignments/bulk", staff(), """
                {"recommendationIds":["%s","%s"],"groupIds":["%s"]}""".formatted(REC, OTHER_REC, GROUP))
                .andExpect(status().isOk());
        put(ASSIGNMENT + "/priority", editorOf(GROUP), """
                {"priority":"HIGH","effort":"MODERATE","urgency":"LOW","note":"first draft"}""", etag(ASSIGNMENT))
                .andExpect(status().isOk());
        post(ASSIGNMENT + "/comments", staff(), """
                {"text":"Support asks the group a question"}""").andExpect(status().isCreated());
        ready = true;
    }

    @Test
    void anonymousReadersSeeNoEmailNoDraftPriorityNoCommentsAndNoActors() throws Exception {
        assertPublicGroup(get("/api/groups/" + GROUP), null);
        JsonNode list = okJson(get("/api/groups?kind=CROSS_COMMUNITY"), null);
        assertThat(emails(list)).isEmpty();

        JsonNode assignment = okJson(get(ASSIGNMENT), null);
        assertHidden(assignment);
        assertThat(assignment.path("createdBy").isNull()).as("createdBy").isTrue();
        assertThat(assignment.path("updatedBy").isNull()).as("updatedBy").isTrue();

        JsonNode items = okJson(get("/api/assignments?groupId=" + GROUP), null).path("items");
        assertThat(items).hasSize(2);
        for (JsonNode item : items) {
            if (item.path("recommendationId").asString().equals(REC)) {
                assertHidden(item);
            }
            assertThat(item.path("comments")).isEmpty();
            assertThat(item.path("updatedBy").isNull()).isTrue();
        }
        assertThat(okJson(get("/api/assignments?groupId=" + GROUP + "&priority=HIGH"), null).path("total").asLong())
                .as("a draft priority cannot be found by filtering on it").isZero();

        for (JsonNode change : okJson(get(ASSIGNMENT + "/history"), null)) {
            assertThat(change.path("actor").isNull()).as("history actor").isTrue();
        }
        for (JsonNode change : okJson(get("/api/groups/" + GROUP + "/history"), null)) {
            assertThat(change.path("actor").isNull()).as("group history actor").isTrue();
        }

        mvc.perform(get(ASSIGNMENT + "/comments")).andExpect(status().isUnauthorized());

        String csv = okText(get("/api/groups/" + GROUP + "/assignments.csv"), null);
        assertThat(csv).doesNotContain("HIGH").doesNotContain("Support asks").doesNotContain("sam.support");
    }

    @Test
    void anotherGroupsEditorIsSignedInButNotTheGroup() throws Exception {
        JwtRequestPostProcessor other = editorOf("ALAC");
        assertPublicGroup(get("/api/groups/" + GROUP), other);

        JsonNode assignment = okJson(get(ASSIGNMENT), other);
        assertHidden(assignment);
        assertThat(assignment.path("createdBy").asString()).as("names of who did what are for signed-in readers")
                .isEqualTo("sam.support");
        assertThat(assignment.path("updatedBy").isNull()).as("the last step was a comment: its author").isTrue();
        assertThat(okJson(get(ASSIGNMENT + "/history"), other).get(0).path("actor").asString()).isEqualTo("sam.support");

        mvc.perform(get(ASSIGNMENT + "/comments").with(other)).andExpect(status().isForbidden());
        String csv = okText(get("/api/groups/" + GROUP + "/assignments.csv"), other);
        assertThat(csv).doesNotContain("HIGH").doesNotContain("Support asks");
    }

    @Test
    void theGroupsEditorAndSupportSeeEverything() throws Exception {
        for (JwtRequestPostProcessor insider : List.of(editorOf(GROUP), staff(), admin())) {
            JsonNode group = okJson(get("/api/groups/" + GROUP), insider);
            assertThat(emails(group)).containsExactlyInAnyOrder("chris.chair@vis.example", "mo.member@vis.example");

            JsonNode assignment = okJson(get(ASSIGNMENT), insider);
            assertThat(assignment.path("priority").asString()).isEqualTo("HIGH");
            assertThat(assignment.path("effort").asString()).isEqualTo("MODERATE");
            assertThat(assignment.path("priorityDraft").asBoolean()).isTrue();
            assertThat(assignment.path("comments").get(0).path("text").asString())
                    .isEqualTo("Support asks the group a question");
            assertThat(okJson(get("/api/assignments?groupId=" + GROUP + "&priority=HIGH"), insider).path("total")
                    .asLong()).isEqualTo(1);
            assertThat(okJson(get(ASSIGNMENT + "/comments"), insider)).hasSize(1);
            assertThat(okText(get("/api/groups/" + GROUP + "/assignments.csv"), insider))
                    .contains("HIGH : MODERATE : LOW (draft)").contains("Support asks the group a question");
        }
    }

    private void assertPublicGroup(MockHttpServletRequestBuilder request, JwtRequestPostProcessor who)
            throws Exception {
        JsonNode group = okJson(request, who);
        assertThat(group.path("contacts").get(0).path("name").asString()).as("contact names are published")
                .isEqualTo("Chris Chair");
        assertThat(group.path("members").get(0).path("groupId").asString()).isEqualTo("ALAC");
        assertThat(emails(group)).as("e-mail addresses").isEmpty();
    }

    private static void assertHidden(JsonNode assignment) {
        assertThat(assignment.path("priorityDraft").asBoolean()).as("priorityDraft").isTrue();
        assertThat(assignment.path("priority").isNull()).as("draft priority").isTrue();
        assertThat(assignment.path("effort").isNull()).as("draft effort").isTrue();
        assertThat(assignment.path("urgency").isNull()).as("draft urgency").isTrue();
        assertThat(assignment.path("comments")).as("comments").isEmpty();
        assertThat(assignment.toString()).doesNotContain("Support asks");
    }

    /** Every non-null e-mail address anywhere in the body. */
    private static List<String> emails(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectEmails(node, found);
        return found;
    }

    private static void collectEmails(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("email") && !field.getValue().isNull()) {
                    found.add(field.getValue().asString());
                } else {
                    collectEmails(field.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectEmails(element, found));
        }
    }
}
