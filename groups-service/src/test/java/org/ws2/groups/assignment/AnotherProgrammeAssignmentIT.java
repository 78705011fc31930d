package org.ws2.groups.assignment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.groups.support.GroupsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.json.JsonMapper;

/**
 * Another review's recommendations (issue 21's programmes, ids such as ATRT3-1.1) are assigned to groups
 * like WS2's, one by one and in bulk by their topic's prefix, and their assignment events are the contracts'.
 * The group is Reviews Support & Accountability, which no other test of the shared database counts.
 */
class AnotherProgrammeAssignmentIT extends GroupsApiTestBase {

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

    @Test
    void anotherProgrammesRecommendationIsAssignedOneByOneAndInBulk() throws Exception {
        registered("ATRT3-1.1");
        registered("ATRT3-1.2");

        post("/api/assignments", staff(), """
                {"groupId":"ORG-RSA","recommendationId":"ATRT3-1.1","applicabilityNote":"Reviews support tracks ATRT3"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/groups/ORG-RSA/assignments/ATRT3-1.1"));
        mvc.perform(get("/api/groups/ORG-RSA/assignments/ATRT3-1.1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendationTitle").value("Improve ATRT3-1.1"));

        post("/api/assignments/bulk", staff(), """
                {"idPrefix":"ATRT3-1","groupIds":["ORG-RSA"]}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendationIds").value(Matchers.contains("ATRT3-1.1", "ATRT3-1.2")))
                .andExpect(jsonPath("$.created.length()").value(1))
                .andExpect(jsonPath("$.alreadyAssigned.length()").value(1));

        try (TopicProbe topic = new TopicProbe(kafka, Topics.ASSIGNMENTS)) {
            var events = topic.await("ATRT3-1.1", seen -> !seen.isEmpty(), Duration.ofSeconds(30));
            events.forEach(record -> EventSchemas.assertConforms(record.value()));
        }
    }

    /** What the recommendations service publishes when ATRT3's recommendation enters the catalogue. */
    private void registered(String id) {
        Instant at = RecommendationEventFeed.now();
        var snapshot = new RecommendationSnapshot(id, id.substring(0, id.indexOf('.')), "Public comment", "Improve " + id,
                "", Ownership.ORG, List.of(), List.of(), null, List.of(), null, null, RecommendationStatus.NOT_STARTED,
                CoordinationLevel.NONE, null, List.of(), 0, false, null, 0, at, at, "ATRT3");
        feed.awaitConsumed(feed.publish(codec.toCloudEvent(new RecommendationEvents.Registered(id, "Public comment",
                "Improve " + id, RecommendationStatus.NOT_STARTED, 0, "sam.support", snapshot), at)));
    }
}
