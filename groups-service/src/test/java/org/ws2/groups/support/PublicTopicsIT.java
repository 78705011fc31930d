package org.ws2.groups.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.Topics;

import tools.jackson.databind.JsonNode;

/**
 * What groups-service publishes on {@code ws2.groups.v1} and {@code ws2.assignments.v1} is published data
 * only (docs/visibility.md): no contacts' e-mail addresses, no actors, no comment text, no draft
 * priorities. The internal twins carry the whole events for this system's own consumers.
 */
class PublicTopicsIT extends GroupsApiTestBase {

    @Test
    void publicTopicsCarryNoEmailActorCommentOrDraftPriority() throws Exception {
        knownRecommendations("8.9.5");
        post("/api/groups", staff(), """
                {"id":"PUB-T","name":"Public topics group","kind":"AC",
                 "contacts":[{"name":"Pat Chair","email":"pat.chair@pub.example","role":"CHAIR"}]}""")
                .andExpect(status().isCreated());
        post("/api/assignments", staff(), """
                {"groupId":"PUB-T","recommendationId":"8.9.5"}""").andExpect(status().isCreated());
        String path = "/api/groups/PUB-T/assignments/8.9.5";
        put(path + "/priority", editorOf("PUB-T"), """
                {"priority":"HIGH","effort":"SIGNIFICANT","urgency":"HIGH"}""", etag(path)).andExpect(status().isOk());
        post(path + "/comments", staff(), """
                {"text":"A private word with the group"}""").andExpect(status().isCreated());

        List<JsonNode> groupEvents = payloads(Topics.GROUPS, "PUB-T");
        List<JsonNode> assignmentEvents = payloads(Topics.ASSIGNMENTS, "8.9.5");
        assertThat(groupEvents).isNotEmpty();
        assertThat(assignmentEvents).extracting(e -> e.path("type").asString()).contains(
                "org.ws2.assignment.triaged.v1", "org.ws2.assignment.prioritized.v1", "org.ws2.assignment.commented.v1");
        for (JsonNode event : concat(groupEvents, assignmentEvents)) {
            JsonNode data = event.path("data");
            assertThat(data.toString()).doesNotContain("pat.chair@pub.example").doesNotContain("A private word")
                    .doesNotContain("sam.support").doesNotContain("erin.editor");
            assertThat(data.path("actor").isNull()).as("actor of " + event.path("type")).isTrue();
            JsonNode assignment = data.path("assignment");
            if (assignment.path("priorityDraft").asBoolean()) {
                assertThat(assignment.path("priority").isNull()).as("draft priority").isTrue();
                assertThat(assignment.path("effort").isNull()).as("draft effort").isTrue();
            }
        }
        assertThat(groupEvents.get(0).path("data").path("group").path("contacts").get(0).path("name").asString())
                .isEqualTo("Pat Chair");

        String internal = payloads(Topics.internal(Topics.GROUPS), "PUB-T").toString()
                + payloads(Topics.internal(Topics.ASSIGNMENTS), "8.9.5");
        assertThat(internal).contains("pat.chair@pub.example").contains("A private word").contains("\"HIGH\"")
                .contains("sam.support");
    }

    private List<JsonNode> payloads(String topic, String key) {
        // one row an event: the public copy for its topic, the whole event for the internal twin (ADR 0034)
        return jdbc.sql("""
                SELECT CASE WHEN topic = :topic THEN payload ELSE internal_payload END FROM ws2_outbox
                WHERE (topic = :topic OR internal_topic = :topic) AND message_key = :key ORDER BY id""")
                .param("topic", topic).param("key", key).query(String.class).list().stream()
                .map(json::readTree).filter(event -> !event.path("data").toString().contains("\"groupId\"")
                        || event.path("data").path("groupId").asString().equals("PUB-T"))
                .toList();
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
