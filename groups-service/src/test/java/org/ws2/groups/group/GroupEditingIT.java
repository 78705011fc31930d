package org.ws2.groups.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ws2.contracts.Topics;
import org.ws2.contracts.group.GroupEvents;
import org.ws2.groups.support.GroupsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.TopicProbe;

/** Creating, editing and retiring groups, such as a cross-community structure of SO/AC representatives. */
class GroupEditingIT extends GroupsApiTestBase {

    private static final String ROUNDTABLE = """
            {"id":"SOAC-LRT","name":"SO/AC Leadership Roundtable","kind":"CROSS_COMMUNITY",
             "note":"Evaluating interest for a cross-community structure",
             "contacts":[{"name":"Pat Support","email":"pat@example.org","role":"SUPPORT_STAFF"}],
             "members":[{"groupId":"ccNSO","name":"Alice Chair","email":"alice@example.org","role":"MEMBER"},
                        {"groupId":"GAC","name":"Bob Alternate","role":"ALTERNATE"}]}""";

    /** The reference-group tests count the groups; what this class creates goes again. */
    @AfterEach
    void removeCreatedGroups() {
        jdbc.sql("DELETE FROM ws2_change WHERE aggregate_type = 'group' AND aggregate_id IN (SELECT id FROM responsible_group WHERE kind = 'CROSS_COMMUNITY')")
                .update();
        jdbc.sql("DELETE FROM responsible_group WHERE kind = 'CROSS_COMMUNITY'").update();
    }

    @Test
    void supportCreatesEditsAndRetiresACrossCommunityStructure() throws Exception {
        try (TopicProbe topic = new TopicProbe(kafka, Topics.GROUPS)) {
            post("/api/groups", editorOf("ccNSO"), ROUNDTABLE).andExpect(status().isForbidden());
            post("/api/groups", staff(), ROUNDTABLE).andExpect(status().isCreated())
                    .andExpect(header().string("ETag", "\"0\""))
                    .andExpect(header().string("Location", "/api/groups/SOAC-LRT"))
                    .andExpect(jsonPath("$.members[1].role").value("ALTERNATE"))
                    .andExpect(jsonPath("$.contacts[0].role").value("SUPPORT_STAFF"));
            post("/api/groups", staff(), ROUNDTABLE).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:group-exists"));

            String update = """
                    {"name":"SO/AC Leadership Roundtable","kind":"CROSS_COMMUNITY","parent":null,
                     "contacts":[{"name":"Pat Support","email":"pat@example.org","role":"SUPPORT_STAFF"}],
                     "members":[{"groupId":"ccNSO","name":"Alice Chair","role":"MEMBER"},
                                {"groupId":"ALAC","name":"Carol Member","role":"MEMBER"}],
                     "changeNote":"ALAC joined"}""";
            put("/api/groups/SOAC-LRT", staff(), update, null).andExpect(status().isPreconditionRequired());
            put("/api/groups/SOAC-LRT", staff(), update, "\"7\"").andExpect(status().isPreconditionFailed());
            put("/api/groups/SOAC-LRT", staff(), update, "\"0\"").andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.members[*].groupId").value(Matchers.contains("ccNSO", "ALAC")))
                    .andExpect(jsonPath("$.note").doesNotExist());

            post("/api/groups/SOAC-LRT/retirement", staff(), "{\"reason\":\"Replaced by the coordination group\"}",
                    "\"1\"").andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
            mvc.perform(get("/api/groups")).andExpect(jsonPath("$.items[*].id").value(Matchers.not(
                    Matchers.hasItem("SOAC-LRT"))));
            mvc.perform(get("/api/groups").param("includeRetired", "true"))
                    .andExpect(jsonPath("$.items[*].id").value(Matchers.hasItem("SOAC-LRT")));
            put("/api/groups/SOAC-LRT", staff(), update, "\"2\"").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:group-retired"));
            mvc.perform(get("/api/groups/SOAC-LRT/history"))
                    .andExpect(jsonPath("$[*].kind").value(Matchers.contains("registered", "updated", "retired")))
                    .andExpect(jsonPath("$[1].note").value("ALAC joined"));

            var events = topic.await("SOAC-LRT", seen -> seen.size() >= 3, Duration.ofSeconds(30));
            events.forEach(record -> EventSchemas.assertConforms(record.value()));
            assertThat(events).extracting(record -> json.readTree(record.value()).path("type").asString())
                    .containsExactly(GroupEvents.REGISTERED, GroupEvents.UPDATED, GroupEvents.RETIRED);
            assertThat(json.readTree(events.get(1).value()).path("data").path("changedFields").toString())
                    .isEqualTo("[\"note\",\"members\"]");
        }
    }

    @Test
    void badGroupsAreProblemsNamingTheField() throws Exception {
        post("/api/groups", staff(), """
                {"id":"X-1","name":"Club","kind":"AC","members":[{"groupId":"GAC","name":"Bob","role":"MEMBER"}]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:members-not-allowed"));
        post("/api/groups", staff(), """
                {"id":"X-2","name":"Club","kind":"CROSS_COMMUNITY","members":[{"groupId":"NOPE","name":"Bob","role":"MEMBER"}]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("members[0].groupId"));
        post("/api/groups", staff(), """
                {"id":"X-3","name":"Club","kind":"CROSS_COMMUNITY","parent":"Nowhere"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-parent"));
        post("/api/groups", staff(), """
                {"id":"has space","name":"Club","kind":"CROSS_COMMUNITY"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"));
        post("/api/groups", staff(), """
                {"id":"X-4","name":"Club","kind":"CROSS_COMMUNITY","contacts":[{"name":"A","email":"not-mail","role":"CHAIR"}]}""")
                .andExpect(status().isBadRequest());
        put("/api/groups/GAC", staff(), """
                {"name":"GAC","kind":"AC","parent":"GAC"}""", "\"0\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:parent-cycle"));
        mvc.perform(get("/api/groups/GAC")).andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void referenceGroupsWereAnnounced() throws Exception {
        // who announced them is on the internal twin only; the public topic carries actor: null
        try (TopicProbe topic = new TopicProbe(kafka, Topics.internal(Topics.GROUPS))) {
            var events = topic.await("ALAC", seen -> !seen.isEmpty(), Duration.ofSeconds(30));
            EventSchemas.assertConforms(events.get(0).value());
            assertThat(json.readTree(events.get(0).value()).path("data").path("actor").asString())
                    .isEqualTo(ReferenceGroupsLoader.ACTOR);
        }
    }
}
