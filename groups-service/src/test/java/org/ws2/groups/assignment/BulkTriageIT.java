package org.ws2.groups.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ws2.contracts.Topics;
import org.ws2.groups.support.GroupsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.TopicProbe;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.contracts.recommendation.RecommendationStatus;

/** Support triages many recommendations to many groups at once, and may safely do it again. */
class BulkTriageIT extends GroupsApiTestBase {

    @Test
    void everySelectedRecommendationGoesToEverySelectedGroupOnceWithOneEventEach() throws Exception {
        knownRecommendations("8.9.1", "8.9.2", "8.9.3");
        feed.awaitConsumed(feed.publish(feed.retired("8.9.3", RecommendationStatus.NOT_STARTED, 2, RecommendationEventFeed.now())));
        String request = """
                {"idPrefix":"8.9","groupKinds":["RALO"],"applicabilityNote":"Good practice for every RALO"}""";

        post("/api/assignments/bulk", staff(), request).andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendationIds").value(Matchers.contains("8.9.1", "8.9.2")))
                .andExpect(jsonPath("$.groupIds").value(Matchers.containsInAnyOrder("AFRALO", "APRALO", "EURALO",
                        "LACRALO", "NARALO")))
                .andExpect(jsonPath("$.created.length()").value(10))
                .andExpect(jsonPath("$.alreadyAssigned.length()").value(0));
        post("/api/assignments/bulk", staff(), request).andExpect(status().isOk())
                .andExpect(jsonPath("$.created.length()").value(0))
                .andExpect(jsonPath("$.alreadyAssigned.length()").value(10));
        // Overlapping selections: by id and by kind, twice over.
        post("/api/assignments/bulk", staff(), """
                {"recommendationIds":["8.9.1","8.9.1"],"groupIds":["LACRALO"],"groupKinds":["RALO"]}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created.length()").value(0));

        mvc.perform(get("/api/assignments").param("recommendationId", "8.9.1"))
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.items[0].applicabilityNote").value("Good practice for every RALO"));
        assertThat(outboxEvents("8.9.1")).isEqualTo(5);
        assertThat(outboxEvents("8.9.3")).isZero();
        try (TopicProbe topic = new TopicProbe(kafka, Topics.ASSIGNMENTS)) {
            var events = topic.await("8.9.2", seen -> seen.size() >= 5, Duration.ofSeconds(30));
            assertThat(events).hasSize(5);
            events.forEach(record -> EventSchemas.assertConforms(record.value()));
        }
    }

    @Test
    void aBadSelectionIsAProblemAndAssignsNothing() throws Exception {
        knownRecommendations("8.8.1");
        post("/api/assignments/bulk", staff(), """
                {"recommendationIds":["8.8.1","8.8.404"],"groupKinds":["RALO"]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-recommendation"))
                .andExpect(jsonPath("$.recommendationIds").value(Matchers.contains("8.8.404")));
        post("/api/assignments/bulk", staff(), """
                {"recommendationIds":["8.8.1"],"groupIds":["AFRALO","NOPE"]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-group"))
                .andExpect(jsonPath("$.field").value("groupIds[1]"));
        post("/api/assignments/bulk", staff(), """
                {"idPrefix":"8.7","groupKinds":["RALO"]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:no-recommendations-selected"));
        post("/api/assignments/bulk", staff(), """
                {"groupKinds":["RALO"]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("recommendationIds"));
        post("/api/assignments/bulk", staff(), """
                {"recommendationIds":["8.8.1"]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("groupIds"));
        post("/api/assignments/bulk", staff(), """
                {"recommendationIds":["8.8.1"],"groupKinds":["CLUB"]}""")
                .andExpect(status().isBadRequest());
        post("/api/assignments/bulk", editorOf("AFRALO"), """
                {"recommendationIds":["8.8.1"],"groupIds":["AFRALO"]}""")
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/assignments").param("recommendationId", "8.8.1"))
                .andExpect(jsonPath("$.total").value(0));
        assertThat(outboxEvents("8.8.1")).isZero();
    }

    @Test
    void aWholeTopicCanBeSelectedByName() throws Exception {
        knownRecommendations("4.9.1", "4.9.2");
        post("/api/assignments/bulk", staff(), """
                {"topic":"jurisdiction","groupIds":["ORG-GOV"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendationIds").value(Matchers.hasItems("4.9.1", "4.9.2")));
    }

    private long outboxEvents(String recommendationId) {
        return jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE topic = :topic AND message_key = :key")
                .param("topic", Topics.ASSIGNMENTS).param("key", recommendationId).query(Long.class).single();
    }
}
