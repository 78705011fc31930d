package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.recommendations.support.RecommendationsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/** Dependencies between recommendations, and coordination flags for SO/AC leadership. */
class DependencyAndCoordinationIT extends RecommendationsApiTestBase {

    @Test
    void theSeedKnowsThatDiversityWorkWaitsOnTheSharedElements() throws Exception {
        mvc.perform(get("/api/recommendations/1.3"))
                .andExpect(jsonPath("$.dependsOn[0]").value("1.1"))
                .andExpect(jsonPath("$.waitingOn[0]").value("1.1"))
                .andExpect(jsonPath("$.derivedState").value("WAITING_ON_ANOTHER_RECOMMENDATION"))
                .andExpect(jsonPath("$.derivedStateLabel")
                        .value("Will start after the completion of another recommendation"));
    }

    @Test
    void aWaitingRecommendationCanPlanButNotGoFurtherWithoutAnOverrideNote() throws Exception {
        transition("1.2", "PLANNING", "criteria drafted").andExpect(status().isOk());
        transition("1.2", "IN_PROGRESS", "start").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:waiting-on-dependency"))
                .andExpect(jsonPath("$.waitingOn[0]").value("1.1"));
        mvc.perform(get("/api/recommendations/1.2")).andExpect(jsonPath("$.status").value("PLANNING"));

        try (TopicProbe topic = new TopicProbe(kafka, Topics.RECOMMENDATIONS)) {
            postJson("/api/recommendations/1.2/transitions",
                    "{\"to\":\"IN_PROGRESS\",\"note\":\"start\",\"overrideNote\":\"Board asked us to start now\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
            String event = topic.await("1.2", records -> records.stream()
                    .anyMatch(r -> r.value().contains("Board asked us to start now")), Duration.ofSeconds(15))
                    .stream().map(r -> r.value()).filter(v -> v.contains("Board asked")).findFirst().orElseThrow();
            EventSchemas.assertConforms(event);
        }
    }

    @Test
    void aDependencyThatWouldCloseACycleIsRefused() throws Exception {
        putJson("/api/recommendations/1.1/dependencies/1.4", "{}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:dependency-cycle"))
                .andExpect(jsonPath("$.cycle[0]").value("1.1"));
        putJson("/api/recommendations/8.1.6/dependencies/8.1.6", "{}", null).andExpect(status().isConflict());
        putJson("/api/recommendations/8.1.6/dependencies/8.1.7", "{}", null).andExpect(status().isOk());
        putJson("/api/recommendations/8.1.7/dependencies/8.1.8", "{}", null).andExpect(status().isOk());
        putJson("/api/recommendations/8.1.8/dependencies/8.1.6", "{}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.cycle.length()").value(4));
        mvc.perform(get("/api/recommendations/8.1.8")).andExpect(jsonPath("$.dependsOn").isEmpty());
        mvc.perform(get("/api/recommendations/1.1")).andExpect(jsonPath("$.dependsOn").isEmpty());
    }

    @Test
    void dependenciesOnUnknownRecommendationsAreRefusedAndCanBeRemoved() throws Exception {
        putJson("/api/recommendations/8.1.9/dependencies/9.9.9", "{}", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-recommendation"));
        putJson("/api/recommendations/8.1.9/dependencies/8.1.10", "{\"note\":\"needs the DIDP changes\"}", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.waitingOn[0]").value("8.1.10"));
        mvc.perform(delete("/api/recommendations/8.1.9/dependencies/8.1.10").with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dependsOn").isEmpty());
        mvc.perform(delete("/api/recommendations/8.1.9/dependencies/8.1.10").with(staff()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theQ2UpdatesCoordinationFlagsAreLoaded() throws Exception {
        for (String required : new String[] { "1.1", "1.7", "2.3" }) {
            mvc.perform(get("/api/recommendations/" + required))
                    .andExpect(jsonPath("$.coordination.level").value("REQUIRED"))
                    .andExpect(jsonPath("$.coordination.setBy").value("ws2-seed"));
        }
        mvc.perform(get("/api/recommendations/3.1")).andExpect(jsonPath("$.coordination.level").value("WOULD_BENEFIT"));
    }

    @Test
    void settingAFlagRecordsWhoAndWhyAndIsAnnounced() throws Exception {
        try (TopicProbe topic = new TopicProbe(kafka, Topics.RECOMMENDATIONS)) {
            String flag = "{\"level\":\"WOULD_BENEFIT\",\"rationale\":\"All SO/ACs share this practice\"}";
            // replacing level and rationale unseen could undo another's flag: the version read is required
            putJson("/api/recommendations/6.1.1/coordination", flag, null)
                    .andExpect(status().isPreconditionRequired())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:version-required"));
            String etag = mvc.perform(get("/api/recommendations/6.1.1")).andReturn().getResponse().getHeader("ETag");
            putJson("/api/recommendations/6.1.1/coordination", flag, etag)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.coordination.level").value("WOULD_BENEFIT"))
                    .andExpect(jsonPath("$.coordination.setBy").value("sam.support"));
            String event = topic.await("6.1.1", records -> records.stream()
                    .anyMatch(r -> r.value().contains(RecommendationEvents.COORDINATION_FLAG_SET)), Duration.ofSeconds(15))
                    .stream().map(r -> r.value()).filter(v -> v.contains(RecommendationEvents.COORDINATION_FLAG_SET))
                    .findFirst().orElseThrow();
            EventSchemas.assertConforms(event);
            JsonNode data = json.readTree(event).path("data");
            assertThat(data.path("from").asString()).isEqualTo("NONE");
            assertThat(data.path("to").asString()).isEqualTo("WOULD_BENEFIT");
            assertThat(data.path("recommendation").path("coordination").asString()).isEqualTo("WOULD_BENEFIT");
        }
        putJson("/api/recommendations/6.1.1/coordination", "{\"level\":\"REQUIRED\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rationale"));
    }
}
