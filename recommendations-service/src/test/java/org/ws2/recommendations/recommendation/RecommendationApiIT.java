package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.testsupport.EventSchemas;
import org.ws2.recommendations.support.RecommendationsApiTestBase;
import org.ws2.testsupport.TestTokens;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendations API against a real PostgreSQL and Kafka: the seeded catalogue, lifecycle
 * rules, who may move a recommendation, and the event every move puts on the topic. Each test
 * works on its own recommendation, since the context and database are shared.
 */
class RecommendationApiIT extends RecommendationsApiTestBase {

    @LocalServerPort
    int port;

    @Test
    void listsEverySeededRecommendationWithItsRealIdInNumericOrder() throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/recommendations").param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        List<String> ids = page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
        // Other tests in this run add recommendations (5.x); every seeded one must be there.
        assertThat(ids).containsAll(seededIds()).contains("1.1", "6.4.2", "8.1.17");
        assertThat(page.path("total").asLong()).isEqualTo(ids.size());
        assertThat(ids.indexOf("8.1.2")).isLessThan(ids.indexOf("8.1.17"));
        assertThat(ids.indexOf("1.8")).isLessThan(ids.indexOf("2.1"));
    }

    private List<String> seededIds() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("ws2/recommendations.json")) {
            List<String> ids = json.readTree(in).valueStream().map(r -> r.path("id").asString()).toList();
            assertThat(ids).hasSize(84);
            return ids;
        }
    }

    @Test
    void filtersByTopicPrefixOrNameAndByStatus() throws Exception {
        mvc.perform(get("/api/recommendations").param("topic", "1"))
                .andExpect(jsonPath("$.total").value(8));
        mvc.perform(get("/api/recommendations").param("topic", "Transparency"))
                .andExpect(jsonPath("$.total").value(30));
        mvc.perform(get("/api/recommendations").param("topic", "8").param("status", "NOT_STARTED").param("size", "5"))
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].status").value("NOT_STARTED"));
    }

    @Test
    void aBadListParameterIsAProblem() throws Exception {
        mvc.perform(get("/api/recommendations").param("status", "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.field").value("status"));
        mvc.perform(get("/api/recommendations").param("size", "100000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void readsOneRecommendationWithItsVersionAsETag() throws Exception {
        mvc.perform(get("/api/recommendations/6.4.2"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value("6.4.2"))
                .andExpect(jsonPath("$.topic").value("SO/AC Accountability"))
                .andExpect(jsonPath("$.topicPrefix").value("6"))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.publicStatusLabel").value("Not started"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void anUnknownRecommendationIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/recommendations/9.9"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-found"));
    }

    @Test
    void supportStaffMoveARecommendationAndTheMoveIsRecordedAndAnnounced() throws Exception {
        try (TopicProbe topic = new TopicProbe(kafka, Topics.internal(Topics.RECOMMENDATIONS))) {
            mvc.perform(post("/api/recommendations/1.7/transitions").with(as("alice", "support-staff"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"to\":\"PLANNING\",\"note\":\"Complaints process scoped with the CCG\"}"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"2\""))
                    .andExpect(jsonPath("$.status").value("PLANNING"))
                    .andExpect(jsonPath("$.publicStatus").value("IN_PROGRESS"))
                    .andExpect(jsonPath("$.version").value(2));

            List<ConsumerRecord<String, String>> events = topic.await("1.7",
                    records -> records.stream().anyMatch(r -> r.value().contains(RecommendationEvents.STATUS_CHANGED)),
                    Duration.ofSeconds(15));
            String changed = events.stream().map(ConsumerRecord::value)
                    .filter(v -> v.contains(RecommendationEvents.STATUS_CHANGED)).findFirst().orElseThrow();
            EventSchemas.assertConforms(changed);
            JsonNode event = readJson(changed);
            assertThat(event.path("subject").asString()).isEqualTo("1.7");
            assertThat(event.path("aggregateversion").asLong()).isEqualTo(2);
            assertThat(event.path("data").path("from").asString()).isEqualTo("NOT_STARTED");
            assertThat(event.path("data").path("to").asString()).isEqualTo("PLANNING");
            assertThat(event.path("data").path("actor").asString()).isEqualTo("alice");
            assertThat(event.path("data").path("note").asString()).isEqualTo("Complaints process scoped with the CCG");
        }
        assertThat(jdbc.sql("SELECT actor FROM ws2_change WHERE aggregate_type = 'recommendation' AND aggregate_id = '1.7' AND version = 2")
                .query(String.class).single()).isEqualTo("alice");
    }

    @Test
    void theSeedAnnouncesEveryRecommendationWithASchemaValidEvent() {
        try (TopicProbe topic = new TopicProbe(kafka, Topics.RECOMMENDATIONS)) {
            List<ConsumerRecord<String, String>> events = topic.await("8.1.17", records -> !records.isEmpty(),
                    Duration.ofSeconds(15));
            String registered = events.get(0).value();
            EventSchemas.assertConforms(registered);
            assertThat(readJson(registered).path("type").asString()).isEqualTo(RecommendationEvents.REGISTERED);
            assertThat(readJson(registered).path("data").path("status").asString()).isEqualTo("NOT_STARTED");
        }
    }

    @Test
    void anInvalidTransitionIsAConflictAndChangesNothing() throws Exception {
        mvc.perform(post("/api/recommendations/1.8/transitions").with(as("alice", "support-staff"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"IMPLEMENTED\",\"note\":\"done?\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:invalid-transition"))
                .andExpect(jsonPath("$.allowed").isArray());
        assertUnchanged("1.8");
    }

    @Test
    void malformedOrIncompleteBodiesAreProblemsAndChangeNothing() throws Exception {
        for (String body : List.of("{\"to\":\"PLANNING\",", "{\"to\":\"PLANNING\",\"note\":\"x\",\"extra\":1}",
                "{\"to\":\"SOMEWHERE\",\"note\":\"x\"}", "{\"to\":\"PLANNING\"}", "{\"to\":\"PLANNING\",\"note\":\" \"}",
                "[]", "")) {
            mvc.perform(post("/api/recommendations/2.1/transitions").with(as("alice", "support-staff"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
        assertUnchanged("2.1");
    }

    @Test
    void aStaleVersionIsRefusedWith412() throws Exception {
        mvc.perform(post("/api/recommendations/2.2/transitions").with(as("alice", "support-staff"))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"PLANNING\",\"note\":\"first\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/recommendations/2.2/transitions").with(as("bob", "admin"))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"ON_HOLD\",\"note\":\"second, from a stale read\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(get("/api/recommendations/2.2")).andExpect(jsonPath("$.status").value("PLANNING"));
    }

    @Test
    void aGroupEditorMayNotMoveARecommendation() throws Exception {
        mvc.perform(post("/api/recommendations/2.3/transitions").with(as("carol", "group-editor"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"PLANNING\",\"note\":\"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertUnchanged("2.3");
    }

    @Test
    void overHttpAWriteNeedsARealTokenWithTheRightRole() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"to\":\"PLANNING\",\"note\":\"over http\"}";

        HttpResponse<String> anonymous = http.send(httpTransition("3.1", body, null), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> forged = http.send(httpTransition("3.1", body, "Bearer not-a-token"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);

        HttpResponse<String> editor = http.send(httpTransition("3.1", body, TestTokens.bearer("carol", "group-editor", "ALAC")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(editor.statusCode()).isEqualTo(403);
        assertUnchanged("3.1");

        HttpResponse<String> staff = http.send(httpTransition("3.1", body, TestTokens.bearer("dave", "support-staff")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(readJson(staff.body()).path("status").asString()).isEqualTo("PLANNING");
        assertThat(jdbc.sql("SELECT actor FROM ws2_change WHERE aggregate_type = 'recommendation' AND aggregate_id = '3.1' AND version = 2")
                .query(String.class).single()).isEqualTo("dave");
    }

    private HttpRequest httpTransition(String id, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/recommendations/" + id + "/transitions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** As seeded: version 0, or 1 for the recommendations the seed then flagged as the Q2 2021 update did. */
    private void assertUnchanged(String id) throws Exception {
        long seeded = java.util.Set.of("1.1", "1.7", "2.3", "3.1").contains(id) ? 1 : 0;
        mvc.perform(get("/api/recommendations/" + id))
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.version").value(seeded));
        assertThat(jdbc.sql("SELECT max(version) FROM ws2_change WHERE aggregate_type = 'recommendation' AND aggregate_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(seeded);
    }

    private JsonNode readJson(String body) {
        return json.readTree(body);
    }
}
