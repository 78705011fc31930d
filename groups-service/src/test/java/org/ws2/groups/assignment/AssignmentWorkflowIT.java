package org.ws2.groups.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.groups.support.GroupsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/** The sign-off workflow, priorities, comments and progress of single assignments, and who may do what. */
class AssignmentWorkflowIT extends GroupsApiTestBase {

    private static final String PATH = "/api/groups/AFRALO/assignments/7.101";

    @Test
    void supportTriagesTheGroupSignsOffOrAsksForChangesAndEveryStepIsRecordedAndAnnounced() throws Exception {
        knownRecommendations("7.101");
        try (TopicProbe topic = new TopicProbe(kafka, Topics.ASSIGNMENTS)) {
            post("/api/assignments", staff(), """
                    {"groupId":"AFRALO","recommendationId":"7.101","applicabilityNote":"Applies to RALO outreach"}""")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("ETag", "\"0\""))
                    .andExpect(header().string("Location", PATH))
                    .andExpect(jsonPath("$.id").value("AFRALO:7.101"))
                    .andExpect(jsonPath("$.triage").value("TRIAGED"))
                    .andExpect(jsonPath("$.recommendationTitle").value("Test recommendation 7.101"))
                    .andExpect(jsonPath("$.progress").value("NOT_STARTED"));

            // The group cannot sign off what it has not been asked to.
            triage(editorOf("AFRALO"), "SIGNED_OFF", null).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:invalid-transition"))
                    .andExpect(jsonPath("$.allowed[0]").value("SIGN_OFF_REQUESTED"));
            // Only support asks for sign-off.
            triage(editorOf("AFRALO"), "SIGN_OFF_REQUESTED", null).andExpect(status().isForbidden());
            triage(staff(), "SIGN_OFF_REQUESTED", "Please review").andExpect(status().isOk())
                    .andExpect(jsonPath("$.triage").value("SIGN_OFF_REQUESTED"))
                    .andExpect(header().string("ETag", "\"1\""));

            // Another group's editor, or support, may not answer for AFRALO.
            triage(editorOf("APRALO"), "SIGNED_OFF", null).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-group-editor"));
            triage(staff(), "SIGNED_OFF", null).andExpect(status().isForbidden());
            // Asking for changes says which.
            triage(editorOf("AFRALO"), "CHANGES_REQUESTED", null).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("note"));
            triage(editorOf("AFRALO"), "CHANGES_REQUESTED", "Only the outreach part applies")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.triage").value("CHANGES_REQUESTED"));

            // Support revises and asks again, naming the version it read.
            post(PATH + "/triage", staff(), """
                    {"to":"SIGN_OFF_REQUESTED","note":"Narrowed","applicabilityNote":"Outreach only"}""", "\"1\"")
                    .andExpect(status().isPreconditionFailed())
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:stale-version"));
            post(PATH + "/triage", staff(), """
                    {"to":"SIGN_OFF_REQUESTED","note":"Narrowed","applicabilityNote":"Outreach only"}""", "\"2\"")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.applicabilityNote").value("Outreach only"));
            triage(as("ada.admin", "admin"), "SIGNED_OFF", "Agreed").andExpect(status().isOk())
                    .andExpect(jsonPath("$.triage").value("SIGNED_OFF"))
                    .andExpect(jsonPath("$.version").value(4));
            triage(editorOf("AFRALO"), "CHANGES_REQUESTED", "Too late").andExpect(status().isConflict());

            mvc.perform(get(PATH + "/history").with(staff())).andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].kind").value(Matchers.contains("triaged", "sign-off-requested",
                            "changes-requested", "sign-off-requested", "signed-off")))
                    .andExpect(jsonPath("$[*].actor").value(Matchers.contains("sam.support", "sam.support",
                            "erin.editor", "sam.support", "ada.admin")))
                    .andExpect(jsonPath("$[2].note").value("Only the outreach part applies"));

            List<ConsumerRecord<String, String>> events = topic.await("7.101", seen -> seen.size() >= 5,
                    Duration.ofSeconds(30));
            assertThat(events).hasSize(5);
            events.forEach(record -> EventSchemas.assertConforms(record.value()));
            JsonNode last = json.readTree(events.get(4).value());
            assertThat(last.path("type").asString()).isEqualTo(AssignmentEvents.TRIAGE_CHANGED);
            assertThat(last.path("aggregateversion").asLong()).isEqualTo(4);
            assertThat(last.path("data").path("from").asString()).isEqualTo("SIGN_OFF_REQUESTED");
            assertThat(last.path("data").path("assignment").path("triage").asString()).isEqualTo("SIGNED_OFF");
            assertThat(last.path("data").path("assignment").path("applicabilityNote").asString())
                    .isEqualTo("Outreach only");
        }
    }

    @Test
    void assigningIsForSupportAndOnlyForKnownRecommendationsAndGroupsOnce() throws Exception {
        knownRecommendations("7.102");
        String body = """
                {"groupId":"APRALO","recommendationId":"7.102"}""";
        post("/api/assignments", null, body).andExpect(status().isUnauthorized());
        post("/api/assignments", editorOf("APRALO"), body).andExpect(status().isForbidden());
        post("/api/assignments", staff(), """
                {"groupId":"APRALO","recommendationId":"7.999"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-recommendation"))
                .andExpect(jsonPath("$.field").value("recommendationId"));
        post("/api/assignments", staff(), """
                {"groupId":"NO-SUCH","recommendationId":"7.102"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-group"));
        post("/api/assignments", staff(), """
                {"groupId":"APRALO","recommendationId":"seven"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("recommendationId"));
        post("/api/assignments", staff(), """
                {"groupId":"APRALO","recommendationId":"7.102","colour":"red"}""")
                .andExpect(status().isBadRequest());
        post("/api/assignments", staff(), body).andExpect(status().isCreated());
        post("/api/assignments", staff(), body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:assignment-exists"));
        mvc.perform(get("/api/assignments").param("recommendationId", "7.999"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/groups/APRALO/assignments/7.103")).andExpect(status().isNotFound());
        mvc.perform(get("/api/assignments").param("triage", "MAYBE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("triage"));
    }

    @Test
    void theGroupPrioritizesInDraftApprovesJudgesNotApplicableCommentsAndReportsProgress() throws Exception {
        knownRecommendations("7.103", "7.104");
        for (String id : List.of("7.103", "7.104")) {
            post("/api/assignments", staff(), "{\"groupId\":\"ORG-COMMS\",\"recommendationId\":\"" + id + "\"}")
                    .andExpect(status().isCreated());
        }
        String first = "/api/groups/ORG-COMMS/assignments/7.103";
        String second = "/api/groups/ORG-COMMS/assignments/7.104";
        String priority = """
                {"priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM"}""";

        put(first + "/priority", editorOf("ORG-COMMS"), priority, null).andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:version-required"));
        put(first + "/priority", editorOf("ORG-HR"), priority, "\"0\"").andExpect(status().isForbidden());
        put(first + "/priority", staff(), priority, "\"0\"").andExpect(status().isForbidden());
        put(first + "/priority", editorOf("ORG-COMMS"), """
                {"priority":"HIGH","effort":"HUGE","urgency":"MEDIUM"}""", "\"0\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("effort"));
        put(first + "/priority", editorOf("ORG-COMMS"), """
                {"priority":"HIGH"}""", "\"0\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("effort"));
        put(first + "/priority", editorOf("ORG-COMMS"), priority, "\"0\"").andExpect(status().isOk())
                .andExpect(jsonPath("$.priority").value("HIGH"))
                .andExpect(jsonPath("$.priorityDraft").value(true));
        put(second + "/priority", editorOf("ORG-COMMS"), """
                {"priority":"NOT_APPLICABLE"}""", "\"0\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("notApplicableReason"));
        put(second + "/priority", editorOf("ORG-COMMS"), """
                {"priority":"NOT_APPLICABLE","notApplicableReason":"ORG-COMMS has no staff of its own"}""", "\"0\"")
                .andExpect(status().isOk());

        String approval = """
                {"approve":[{"recommendationId":"7.104","version":1},{"recommendationId":"7.103","version":1}],
                 "note":"Approved at the monthly call"}""";
        post("/api/groups/ORG-COMMS/priorities/approval", editorOf("ORG-HR"), approval).andExpect(status().isForbidden());
        post("/api/groups/ORG-COMMS/priorities/approval", editorOf("ORG-COMMS"), approval)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendationIds").value(Matchers.contains("7.103", "7.104")));
        mvc.perform(get(first)).andExpect(jsonPath("$.priorityDraft").value(false))
                .andExpect(jsonPath("$.version").value(2));

        JsonNode comment = body(post(first + "/comments", staff(), """
                {"text":"Does this cover the newsletters?"}""").andExpect(status().isCreated()));
        post(first + "/comments", editorOf("ORG-COMMS"), "{\"text\":\"Yes\",\"replyTo\":\"" + comment.path("id").asString()
                + "\"}").andExpect(status().isCreated()).andExpect(jsonPath("$.author").value("erin.editor"));
        post(first + "/comments", editorOf("ORG-COMMS"), """
                {"text":"Orphan","replyTo":"00000000-0000-0000-0000-000000000000"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-comment"));
        post(first + "/comments", editorOf("ORG-HR"), "{\"text\":\"Hi\"}").andExpect(status().isForbidden());
        post(first + "/comments", editorOf("ORG-COMMS"), "{\"text\":\"  \"}").andExpect(status().isBadRequest());

        put(first + "/progress", editorOf("ORG-COMMS"), """
                {"progress":"IN_PROGRESS","evidenceUrl":"javascript:alert(1)"}""", "\"4\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("evidenceUrl"));
        put(first + "/progress", editorOf("ORG-COMMS"), """
                {"progress":"IN_PROGRESS","note":"Drafting","evidenceUrl":"https://community.icann.org/x"}""", "\"3\"")
                .andExpect(status().isPreconditionFailed());
        put(first + "/progress", editorOf("ORG-COMMS"), """
                {"progress":"IN_PROGRESS","note":"Drafting","evidenceUrl":"https://community.icann.org/x"}""", "\"4\"")
                .andExpect(status().isOk()).andExpect(jsonPath("$.progress").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.comments.length()").value(2))
                .andExpect(jsonPath("$.comments[1].replyTo").value(comment.path("id").asString()));

        mvc.perform(get("/api/assignments").param("groupId", "ORG-COMMS").param("priority", "NOT_APPLICABLE")
                .with(editorOf("ORG-COMMS")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].notApplicableReason").value("ORG-COMMS has no staff of its own"));
        mvc.perform(get("/api/assignments").param("groupId", "ORG-COMMS").param("size", "1").param("page", "1"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].recommendationId").value("7.104"));

        String csv = mvc.perform(get("/api/groups/ORG-COMMS/assignments.csv").with(editorOf("ORG-COMMS")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(new MediaType("text", "csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines()).first().isEqualTo(AssignmentCsv.HEADER);
        assertThat(csv).contains("\"7.103\",\"Test recommendation 7.103\",\"HIGH : MODERATE : MEDIUM\","
                + "\"TRIAGED / IN_PROGRESS\"");
        assertThat(csv).contains("sam.support (").contains("Does this cover the newsletters?");
        assertThat(csv).contains("Not applicable: ORG-COMMS has no staff of its own");

        try (TopicProbe topic = new TopicProbe(kafka, Topics.ASSIGNMENTS)) {
            List<ConsumerRecord<String, String>> events = topic.await("7.103", seen -> seen.size() >= 6,
                    Duration.ofSeconds(30));
            events.forEach(record -> EventSchemas.assertConforms(record.value()));
            assertThat(events).extracting(record -> json.readTree(record.value()).path("type").asString())
                    .containsExactly(AssignmentEvents.TRIAGED, AssignmentEvents.PRIORITIZED,
                            AssignmentEvents.PRIORITIES_APPROVED, AssignmentEvents.COMMENTED,
                            AssignmentEvents.COMMENTED, AssignmentEvents.PROGRESS_REPORTED);
        }
    }

    /**
     * Issue 11 item 7: an approval names the drafts it approves and the versions the approver read. A
     * draft changed by someone else after that read is not approved (412), the whole request then changes
     * nothing, and a draft the approval does not name stays a draft.
     */
    @Test
    void anApprovalApprovesOnlyTheDraftsItNamesAtTheVersionsTheApproverRead() throws Exception {
        knownRecommendations("7.105", "7.106", "7.107");
        String group = "/api/groups/ORG-IT";
        for (String id : List.of("7.105", "7.106", "7.107")) {
            post("/api/assignments", staff(), "{\"groupId\":\"ORG-IT\",\"recommendationId\":\"" + id + "\"}")
                    .andExpect(status().isCreated());
            put(group + "/assignments/" + id + "/priority", editorOf("ORG-IT"), """
                    {"priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM"}""", "\"0\"").andExpect(status().isOk());
        }
        // The approver reads the drafts (each at version 1); then another editor lowers 7.106.
        put(group + "/assignments/7.106/priority", editorOf("ORG-IT"), """
                {"priority":"LOW","effort":"MINIMAL","urgency":"LOW"}""", "\"1\"").andExpect(status().isOk());

        post(group + "/priorities/approval", editorOf("ORG-IT"), """
                {"approve":[{"recommendationId":"7.105","version":1},{"recommendationId":"7.106","version":1}],
                 "note":"Approved at the monthly call"}""")
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:stale-version"))
                .andExpect(jsonPath("$.recommendationId").value("7.106"))
                .andExpect(jsonPath("$.currentVersion").value(2))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("7.106")));
        // Nothing was approved, not even 7.105, which had not changed.
        for (String id : List.of("7.105", "7.106", "7.107")) {
            mvc.perform(get(group + "/assignments/" + id)).andExpect(jsonPath("$.priorityDraft").value(true));
        }
        // (a draft's values are the group's and support's to see: docs/visibility.md)
        mvc.perform(get(group + "/assignments/7.106").with(editorOf("ORG-IT")))
                .andExpect(jsonPath("$.priority").value("LOW")).andExpect(jsonPath("$.version").value(2));

        // Having read the change, the approver approves 7.105 and 7.106 as they now stand; 7.107 is left a draft.
        post(group + "/priorities/approval", editorOf("ORG-IT"), """
                {"approve":[{"recommendationId":"7.106","version":2},{"recommendationId":"7.105","version":1}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendationIds").value(Matchers.contains("7.105", "7.106")))
                .andExpect(jsonPath("$.count").value(2));
        mvc.perform(get(group + "/assignments/7.106")).andExpect(jsonPath("$.priorityDraft").value(false))
                .andExpect(jsonPath("$.priority").value("LOW")).andExpect(jsonPath("$.version").value(3));
        mvc.perform(get(group + "/assignments/7.107")).andExpect(jsonPath("$.priorityDraft").value(true))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get(group + "/assignments/7.107/history"))
                .andExpect(jsonPath("$[*].kind").value(Matchers.contains("triaged", "prioritized")));
    }

    @Test
    void anApprovalThatNamesNothingOrWhatIsNoDraftChangesNothing() throws Exception {
        knownRecommendations("7.108", "7.109");
        String group = "/api/groups/ORG-MEET";
        for (String id : List.of("7.108", "7.109")) {
            post("/api/assignments", staff(), "{\"groupId\":\"ORG-MEET\",\"recommendationId\":\"" + id + "\"}")
                    .andExpect(status().isCreated());
        }
        put(group + "/assignments/7.108/priority", editorOf("ORG-MEET"), """
                {"priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM"}""", "\"0\"").andExpect(status().isOk());
        String approval = group + "/priorities/approval";

        post(approval, editorOf("ORG-HR"), """
                {"approve":[{"recommendationId":"7.108","version":1}]}""").andExpect(status().isForbidden());
        for (String nothing : List.of("{}", "{\"approve\":[]}", "{\"note\":\"All of them\"}")) {
            post(approval, editorOf("ORG-MEET"), nothing).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.field").value("approve"));
        }
        post(approval, editorOf("ORG-MEET"), """
                {"approve":[{"recommendationId":"7.108"}]}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("approve[0].version"));
        post(approval, editorOf("ORG-MEET"), """
                {"approve":[{"recommendationId":"7.108","version":1},{"recommendationId":"7.108","version":1}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("approve[1].recommendationId"));
        // 7.101 exists, but not as ORG-MEET's assignment.
        post(approval, editorOf("ORG-MEET"), """
                {"approve":[{"recommendationId":"7.108","version":1},{"recommendationId":"7.101","version":0}]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-assignment"))
                .andExpect(jsonPath("$.field").value("approve[1].recommendationId"));
        // 7.109 has no priority at all: nothing to approve.
        post(approval, editorOf("ORG-MEET"), """
                {"approve":[{"recommendationId":"7.108","version":1},{"recommendationId":"7.109","version":0}]}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-a-draft"))
                .andExpect(jsonPath("$.recommendationId").value("7.109"));
        mvc.perform(get(group + "/assignments/7.108")).andExpect(jsonPath("$.priorityDraft").value(true))
                .andExpect(jsonPath("$.version").value(1));

        post(approval, editorOf("ORG-MEET"), """
                {"approve":[{"recommendationId":"7.108","version":1}]}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1));
        // approved already: approving it again is a conflict, not a silent second approval
        post(approval, editorOf("ORG-MEET"), """
                {"approve":[{"recommendationId":"7.108","version":2}]}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-a-draft"));
        mvc.perform(get(group + "/assignments/7.108")).andExpect(jsonPath("$.version").value(2));
    }

    private org.springframework.test.web.servlet.ResultActions triage(
            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor who,
            String to, String note) throws Exception {
        return post(PATH + "/triage", who, note == null ? "{\"to\":\"" + to + "\"}"
                : "{\"to\":\"" + to + "\",\"note\":\"" + note + "\"}");
    }
}
