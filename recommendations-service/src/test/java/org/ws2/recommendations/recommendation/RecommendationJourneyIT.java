package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.recommendations.support.RecommendationsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/**
 * An implementation lead's whole journey with a new recommendation, checking after each step that
 * the answer and the event on the topic say the same thing.
 */
class RecommendationJourneyIT extends RecommendationsApiTestBase {

    @Test
    void createDependFlagImplementWithEvidenceThenReadHistoryAndThePast() throws Exception {
        try (TopicProbe topic = new TopicProbe(kafka, Topics.RECOMMENDATIONS)) {
            step(postJson("/api/recommendations", """
                    {"id":"5.12","title":"Ombuds office charter review","summary":"Review the Ombuds charter",
                     "ownership":"ORG","implementers":["Ombudsman","ICANN Board"],"targetQuarter":"2021-Q4"}"""), 201);
            step(putJson("/api/recommendations/5.12/dependencies/1.1", "{\"note\":\"uses the diversity baseline\"}",
                    null), 200);
            step(putJson("/api/recommendations/5.12/coordination",
                    "{\"level\":\"REQUIRED\",\"rationale\":\"Every SO/AC appoints to the review\"}", "\"1\""), 200);
            Instant beforeFirstTransition = Instant.now();
            step(transition("5.12", "PLANNING", "Charter review planned"), 200);
            step(postJson("/api/recommendations/5.12/transitions", """
                    {"to":"IN_PROGRESS","note":"Review started","overrideNote":"1.1 does not block the charter"}"""),
                    200);
            step(transition("5.12", "DOCUMENTING", "Report drafted"), 200);
            step(postJson("/api/recommendations/5.12/evidence", """
                    {"title":"Charter review report","url":"https://www.icann.org/ombudsman","date":"2021-12-15"}"""),
                    201);
            step(transition("5.12", "IMPLEMENTED", "Board adopted the revised charter"), 200);

            JsonNode current = read("/api/recommendations/5.12");
            assertThat(current.path("status").asString()).isEqualTo("IMPLEMENTED");
            assertThat(current.path("version").asLong()).isEqualTo(7);
            assertThat(current.path("coordination").path("level").asString()).isEqualTo("REQUIRED");
            assertThat(current.path("evidenceCount").asInt()).isEqualTo(1);

            JsonNode history = readSignedIn("/api/recommendations/5.12/history");
            assertThat(history.valueStream().map(change -> change.path("kind").asString()).toList())
                    .containsExactly("registered", "dependencies-changed", "coordination-flag-set", "status-changed",
                            "status-changed", "status-changed", "evidence-added", "status-changed");
            assertThat(history.valueStream().map(change -> change.path("actor").asString()).distinct().toList())
                    .containsExactly("sam.support");

            mvc.perform(get("/api/recommendations/5.12").param("asOf", beforeFirstTransition.toString()))
                    .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                    .andExpect(jsonPath("$.version").value(2))
                    .andExpect(jsonPath("$.coordination.level").value("REQUIRED"))
                    .andExpect(jsonPath("$.dependsOn[0]").value("1.1"));

            List<ConsumerRecord<String, String>> events = topic.await("5.12", seen -> seen.size() >= 8,
                    Duration.ofSeconds(20));
            assertThat(events).hasSize(8);
            List<String> types = new ArrayList<>();
            for (int version = 0; version < events.size(); version++) {
                String value = events.get(version).value();
                EventSchemas.assertConforms(value);
                JsonNode event = json.readTree(value);
                types.add(event.path("type").asString());
                assertThat(event.path("aggregateversion").asLong()).isEqualTo(version);
                JsonNode snapshot = event.path("data").path("recommendation");
                assertThat(snapshot.path("version").asLong()).isEqualTo(version);
                assertThat(snapshot.path("status").asString()).isEqualTo(history.get(version).path("after")
                        .path("status").asString());
            }
            assertThat(types).containsExactly(RecommendationEvents.REGISTERED, RecommendationEvents.DEPENDENCIES_CHANGED,
                    RecommendationEvents.COORDINATION_FLAG_SET, RecommendationEvents.STATUS_CHANGED,
                    RecommendationEvents.STATUS_CHANGED, RecommendationEvents.STATUS_CHANGED,
                    RecommendationEvents.EVIDENCE_ADDED, RecommendationEvents.STATUS_CHANGED);
            assertThat(json.readTree(events.get(4).value()).path("data").path("overrideNote").asString())
                    .isEqualTo("1.1 does not block the charter");
            assertThat(json.readTree(events.get(6).value()).path("data").path("evidence").path("title").asString())
                    .isEqualTo("Charter review report");
        }
    }

    private static void step(ResultActions result, int expectedStatus) throws Exception {
        assertThat(result.andReturn().getResponse().getStatus())
                .as(() -> uncheckedBody(result)).isEqualTo(expectedStatus);
    }

    private static String uncheckedBody(ResultActions result) {
        try {
            return result.andReturn().getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            return e.toString();
        }
    }
}
