package org.ws2.groups.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.groups.support.GroupsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.TopicProbe;

/**
 * Issue 21: a group says whom an assignment is for, and hands it down to its child groups, each of which gets an
 * assignment of its own through triage; a group that is not a child is a problem and changes nothing. The groups
 * here are this class's own (a council managing an SO of its kind, two stakeholder groups, a constituency, a
 * lone AC), removed again after each test, for the reference-group tests count the groups.
 */
class DelegationIT extends GroupsApiTestBase {

    private static final String COUNCIL = "/api/groups/DLG-Council/assignments/2.9.1";
    private static final String LONE = "/api/groups/DLG-Lone/assignments/2.9.2";

    @BeforeEach
    void groupsOfThisClass() throws Exception {
        for (String group : new String[] {
                "{\"id\":\"DLG-SO\",\"name\":\"DLG Supporting Organization\",\"kind\":\"SO\"}",
                "{\"id\":\"DLG-Council\",\"name\":\"DLG Council\",\"kind\":\"SO\",\"parent\":\"DLG-SO\"}",
                "{\"id\":\"DLG-SG1\",\"name\":\"DLG SG one\",\"kind\":\"GNSO_SG\",\"parent\":\"DLG-SO\"}",
                "{\"id\":\"DLG-SG2\",\"name\":\"DLG SG two\",\"kind\":\"GNSO_SG\",\"parent\":\"DLG-SO\"}",
                "{\"id\":\"DLG-C1\",\"name\":\"DLG constituency\",\"kind\":\"GNSO_C\",\"parent\":\"DLG-SG1\"}",
                "{\"id\":\"DLG-Lone\",\"name\":\"DLG Lone AC\",\"kind\":\"AC\"}" }) {
            post("/api/groups", staff(), group).andExpect(status().isCreated());
        }
    }

    @AfterEach
    void removeGroupsOfThisClass() {
        jdbc.sql("DELETE FROM assignment_comment WHERE group_id LIKE 'DLG-%'").update();
        jdbc.sql("DELETE FROM assignment WHERE group_id LIKE 'DLG-%'").update();
        jdbc.sql("DELETE FROM ws2_change WHERE aggregate_id LIKE 'DLG-%'").update();
        jdbc.sql("DELETE FROM responsible_group WHERE id LIKE 'DLG-%'").update();
    }

    @Test
    void theCouncilHandsARecommendationToItsStakeholderGroupsEachWithAnAssignmentOfItsOwn() throws Exception {
        knownRecommendations("2.9.1", "2.9.3");
        post("/api/assignments", staff(), """
                {"groupId":"DLG-Council","recommendationId":"2.9.1"}""").andExpect(status().isCreated());
        post("/api/assignments", staff(), """
                {"groupId":"DLG-Council","recommendationId":"2.9.3"}""").andExpect(status().isCreated());
        // support had already triaged it to one of the stakeholder groups: that assignment stays as it is
        post("/api/assignments", staff(), """
                {"groupId":"DLG-SG2","recommendationId":"2.9.1"}""").andExpect(status().isCreated());

        // the council's children are its SO's other groups, not the council itself nor a constituency below them
        mvc.perform(get("/api/groups/DLG-Council/children")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains("DLG-SG1", "DLG-SG2")));
        mvc.perform(get("/api/groups/DLG-SG1/children")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains("DLG-C1")));

        try (TopicProbe topic = new TopicProbe(kafka, Topics.ASSIGNMENTS)) {
            long eventsBefore = outboxEvents("2.9.1");
            // not a child: a problem naming the field and the children, and nothing changes
            post(COUNCIL + "/delegation", editorOf("DLG-Council"), """
                    {"to":["DLG-SG1","DLG-C1"]}""", "\"0\"")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-a-child-group"))
                    .andExpect(jsonPath("$.field").value("to[1]"))
                    .andExpect(jsonPath("$.childGroupIds").value(Matchers.contains("DLG-SG1", "DLG-SG2")));
            post(COUNCIL + "/delegation", editorOf("DLG-Council"), """
                    {"to":["DLG-SG1","DLG-SG1"]}""", "\"0\"")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to[1]"));
            // only the group's editors or support hand its work down, at the version they read
            post(COUNCIL + "/delegation", editorOf("DLG-SG1"), "{}", "\"0\"").andExpect(status().isForbidden());
            post(COUNCIL + "/delegation", editorOf("DLG-Council"), "{}", "\"7\"")
                    .andExpect(status().isPreconditionFailed());
            mvc.perform(get("/api/assignments").param("groupId", "DLG-SG1"))
                    .andExpect(jsonPath("$.total").value(0));
            mvc.perform(get(COUNCIL)).andExpect(jsonPath("$.version").value(0))
                    .andExpect(jsonPath("$.scope").value("GROUP"))
                    .andExpect(jsonPath("$.delegatedTo").isEmpty());
            assertThat(outboxEvents("2.9.1")).isEqualTo(eventsBefore);

            post(COUNCIL + "/delegation", editorOf("DLG-Council"), """
                    {"to":["DLG-SG1"],"note":"For the SGs"}""", "\"0\"")
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.triaged").value(Matchers.contains("DLG-SG1")))
                    .andExpect(jsonPath("$.alreadyAssigned").isEmpty())
                    .andExpect(jsonPath("$.assignment.scope").value("CHILDREN"))
                    .andExpect(jsonPath("$.assignment.delegated").value(true))
                    .andExpect(jsonPath("$.assignment.delegatedTo").value(Matchers.contains("DLG-SG1")));
            // all children when none is named; one assigned already is left as it was
            post(COUNCIL + "/delegation", staff(), "{}", null)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.triaged").isEmpty())
                    .andExpect(jsonPath("$.alreadyAssigned").value(Matchers.contains("DLG-SG1", "DLG-SG2")))
                    .andExpect(jsonPath("$.assignment.version").value(2))
                    .andExpect(jsonPath("$.assignment.delegatedTo").value(Matchers.contains("DLG-SG1", "DLG-SG2")));

            mvc.perform(get("/api/groups/DLG-SG1/assignments/2.9.1/history").with(staff()))
                    .andExpect(jsonPath("$[*].kind").value(Matchers.contains("triaged")))
                    .andExpect(jsonPath("$[0].note").value("Handed down by DLG Council: For the SGs"));
            mvc.perform(get("/api/groups/DLG-SG2/assignments/2.9.1")).andExpect(jsonPath("$.version").value(0));
            mvc.perform(get(COUNCIL + "/history").with(staff()))
                    .andExpect(jsonPath("$[*].kind").value(Matchers.contains("triaged", "handed-down", "handed-down")));

            // the council's stage is its own work; the sentence says what it handed down
            mvc.perform(get("/api/groups/DLG-Council/stage"))
                    .andExpect(jsonPath("$.counts.assignments").value(1))
                    .andExpect(jsonPath("$.counts.handedDown").value(1))
                    .andExpect(jsonPath("$.sentence").value("DLG Council – support team has conducted initial triage; "
                            + "handed 2.9.1 to its stakeholder groups and constituencies."));

            // one triaged event for the new child, one scope-changed per step, each as its schema says
            assertThat(outboxEvents("2.9.1")).isEqualTo(eventsBefore + 3);
            var events = topic.await("2.9.1", seen -> seen.stream()
                    .filter(r -> r.value().contains(AssignmentEvents.SCOPE_CHANGED)).count() >= 2,
                    Duration.ofSeconds(30));
            events.forEach(record -> EventSchemas.assertConforms(record.value()));
            assertThat(events).filteredOn(r -> r.value().contains(AssignmentEvents.SCOPE_CHANGED)).last()
                    .satisfies(r -> assertThat(r.value()).contains("\"delegatedTo\":[\"DLG-SG1\",\"DLG-SG2\"]"));
        }

        // taking it back: any scope but CHILDREN empties delegatedTo; the children keep their assignments
        put(COUNCIL + "/scope", editorOf("DLG-Council"), "{\"scope\":\"GROUP\"}", "\"2\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("GROUP"))
                .andExpect(jsonPath("$.delegatedTo").isEmpty())
                .andExpect(jsonPath("$.delegated").value(false));
        mvc.perform(get("/api/assignments").param("recommendationId", "2.9.1"))
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void aGroupSaysWhomItsShareIsForThroughTheOneChangePath() throws Exception {
        knownRecommendations("2.9.2");
        post("/api/assignments", staff(), """
                {"groupId":"DLG-Lone","recommendationId":"2.9.2"}""").andExpect(status().isCreated());

        put(LONE + "/scope", editorOf("DLG-Lone"), "{\"scope\":\"EVERYONE\"}", "\"0\"")
                .andExpect(status().isBadRequest());
        put(LONE + "/scope", editorOf("DLG-Lone"), "{}", "\"0\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scope"));
        put(LONE + "/scope", editorOf("DLG-Lone"), "{\"scope\":\"COMMUNITY\"}", null)
                .andExpect(status().isPreconditionRequired());
        put(LONE + "/scope", editorOf("DLG-SG1"), "{\"scope\":\"COMMUNITY\"}", "\"0\"")
                .andExpect(status().isForbidden());
        mvc.perform(get(LONE)).andExpect(jsonPath("$.version").value(0)).andExpect(jsonPath("$.scope").value("GROUP"));

        put(LONE + "/scope", editorOf("DLG-Lone"), """
                {"scope":"COMMUNITY","note":"For the community as a whole"}""", "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.scope").value("COMMUNITY"));
        // the same judgement again changes nothing
        put(LONE + "/scope", staff(), "{\"scope\":\"COMMUNITY\"}", "\"1\"")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        put(LONE + "/scope", staff(), "{\"scope\":\"CHILDREN\"}", "\"1\"")
                .andExpect(status().isOk()).andExpect(jsonPath("$.delegatedTo").isEmpty());
        mvc.perform(get(LONE + "/history").with(staff()))
                .andExpect(jsonPath("$[*].kind").value(Matchers.contains("triaged", "scope-set", "scope-set")))
                .andExpect(jsonPath("$[1].note").value("For the community as a whole"));
        // judged for individual groups, it is still the group's own to track, and the sentence says whom for
        mvc.perform(get("/api/groups/DLG-Lone/stage"))
                .andExpect(jsonPath("$.counts.assignments").value(1))
                .andExpect(jsonPath("$.counts.handedDown").value(0))
                .andExpect(jsonPath("$.sentence").value(
                        "DLG Lone AC – support team has conducted initial triage; 2.9.2 is for individual groups."));

        // a group without children has nobody to hand it to
        post(LONE + "/delegation", editorOf("DLG-Lone"), "{}", "\"2\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:no-child-groups"))
                .andExpect(jsonPath("$.field").value("to"));
    }

    private long outboxEvents(String recommendationId) {
        return jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE topic = :topic AND message_key = :key")
                .param("topic", Topics.ASSIGNMENTS).param("key", recommendationId).query(Long.class).single();
    }
}
