package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ws2.contracts.Topics;
import org.ws2.recommendations.support.RecommendationsApiTestBase;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/**
 * Another review's recommendations beside WS2's (issue 21, programmes): their own numbers and topics,
 * ids that never collide with WS2's, lists filtered by programme, events that say the programme, and
 * WS2's ids, topics and lists as they were. The database is shared: ATRT3 and CCT are this class's
 * own programmes (RecommendationSearchIT has another).
 */
class ProgrammesIT extends RecommendationsApiTestBase {

    @Test
    void anotherProgrammesRecommendationHasItsOwnNumberTopicAndIdAndItsEventSaysSo() throws Exception {
        try (TopicProbe topic = new TopicProbe(kafka, Topics.RECOMMENDATIONS)) {
            postJson("/api/recommendations", """
                    {"programme":"ATRT3","number":"1.1","topic":"Public comment","title":"Improve public comment",
                     "ownership":"ORG"}""")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/recommendations/ATRT3-1.1"))
                    .andExpect(jsonPath("$.id").value("ATRT3-1.1"))
                    .andExpect(jsonPath("$.programme").value("ATRT3"))
                    .andExpect(jsonPath("$.number").value("1.1"))
                    .andExpect(jsonPath("$.topicPrefix").value("ATRT3-1"))
                    .andExpect(jsonPath("$.topic").value("Public comment"));
            // the topic is there now: a second recommendation of it needs no topic, and may give its id instead
            postJson("/api/recommendations", """
                    {"id":"ATRT3-1.2","title":"Publish comment summaries","ownership":"ORG"}""")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.programme").value("ATRT3"))
                    .andExpect(jsonPath("$.topic").value("Public comment"));
            // a topic name WS2 has is another programme's own topic
            postJson("/api/recommendations", """
                    {"programme":"ATRT3","number":"10.1","topic":"Transparency","title":"Publish the Board's rationale",
                     "ownership":"ORG"}""")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.topicPrefix").value("ATRT3-10"));

            List<ConsumerRecord<String, String>> events = topic.await("ATRT3-1.1", seen -> !seen.isEmpty(),
                    Duration.ofSeconds(20));
            EventSchemas.assertConforms(events.get(0).value());
            JsonNode snapshot = json.readTree(events.get(0).value()).path("data").path("recommendation");
            assertThat(snapshot.path("programme").asString()).isEqualTo("ATRT3");
            assertThat(snapshot.path("topicPrefix").asString()).isEqualTo("ATRT3-1");
        }

        // its id is URL-safe: it is read, moved and listed by it
        transition("ATRT3-1.2", "PLANNING", "Scoped").andExpect(status().isOk());
        mvc.perform(get("/api/recommendations/ATRT3-1.2")).andExpect(jsonPath("$.status").value("PLANNING"));

        assertThat(ids("/api/recommendations?programme=ATRT3")).containsExactly("ATRT3-1.1", "ATRT3-1.2", "ATRT3-10.1");
        assertThat(ids("/api/recommendations?programme=ATRT3&sort=id&order=desc"))
                .containsExactly("ATRT3-10.1", "ATRT3-1.2", "ATRT3-1.1");
        assertThat(ids("/api/recommendations?programme=ATRT3&topic=Transparency")).containsExactly("ATRT3-10.1");
        assertThat(ids("/api/recommendations?topic=ATRT3-1")).containsExactly("ATRT3-1.1", "ATRT3-1.2");

        // WS2's list, topics and ids are as they were
        List<String> ws2 = ids("/api/recommendations?programme=WS2&size=200");
        assertThat(ws2).contains("1.1", "8.1.17").noneMatch(id -> id.startsWith("ATRT3"));
        assertThat(read("/api/recommendations?topic=Transparency").path("total").asLong()).isEqualTo(30);
        List<String> all = ids("/api/recommendations?size=200");
        assertThat(all.subList(0, ws2.size())).as("WS2 first, in its order").isEqualTo(ws2);
        assertThat(all.stream().filter(id -> id.startsWith("ATRT3-")).toList())
                .containsExactly("ATRT3-1.1", "ATRT3-1.2", "ATRT3-10.1");
        JsonNode ws2Topics = read("/api/topics?programme=WS2");
        assertThat(ws2Topics.valueStream().map(t -> t.path("prefix").asString() + " " + t.path("name").asString()).toList())
                .containsExactly("1 Diversity", "2 Guidelines for Good Faith", "3 Human Rights Framework of Interpretation",
                        "4 Jurisdiction", "5 Office of the Ombuds", "6 SO/AC Accountability", "7 Staff Accountability",
                        "8 Transparency");
        JsonNode everyTopic = read("/api/topics");
        assertThat(everyTopic.valueStream().map(t -> t.path("prefix").asString()).toList())
                .startsWith("1", "2", "3", "4", "5", "6", "7", "8").contains("ATRT3-1", "ATRT3-10");
        assertThat(read("/api/topics/ATRT3-1").path("programme").asString()).isEqualTo("ATRT3");
        mvc.perform(get("/api/recommendations/1.1")).andExpect(jsonPath("$.programme").value("WS2"))
                .andExpect(jsonPath("$.number").value("1.1"));
    }

    @Test
    void badProgrammeNumberOrTopicIsA422NamingTheFieldAndChangesNothing() throws Exception {
        Map<String, String> bodies = Map.of(
                "{\"programme\":\"cct\",\"number\":\"1.1\",\"topic\":\"Trust\",\"title\":\"t\",\"ownership\":\"ORG\"}", "programme",
                "{\"programme\":\"CCT-REVIEW\",\"number\":\"1.1\",\"topic\":\"Trust\",\"title\":\"t\",\"ownership\":\"ORG\"}", "programme",
                "{\"programme\":\"CCT\",\"title\":\"t\",\"ownership\":\"ORG\"}", "number",
                "{\"programme\":\"CCT\",\"number\":\"one\",\"topic\":\"Trust\",\"title\":\"t\",\"ownership\":\"ORG\"}", "number",
                "{\"programme\":\"CCT\",\"number\":\"1\",\"topic\":\"Trust\",\"title\":\"t\",\"ownership\":\"ORG\"}", "number",
                "{\"programme\":\"CCT\",\"number\":\"1.1\",\"title\":\"t\",\"ownership\":\"ORG\"}", "topic",
                "{\"programme\":\"CCT\",\"id\":\"CCT-1.2\",\"number\":\"1.1\",\"topic\":\"Trust\",\"title\":\"t\",\"ownership\":\"ORG\"}", "id",
                "{\"programme\":\"CCT\",\"id\":\"1.1\",\"topic\":\"Trust\",\"title\":\"t\",\"ownership\":\"ORG\"}", "id",
                "{\"id\":\"WS2-1.1\",\"title\":\"t\",\"ownership\":\"ORG\"}", "id");
        for (var body : bodies.entrySet()) {
            postJson("/api/recommendations", body.getKey())
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.field").value(body.getValue()));
        }
        mvc.perform(get("/api/recommendations/CCT-1.1")).andExpect(status().isNotFound());
        mvc.perform(get("/api/topics/CCT-1")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM topic WHERE programme = 'CCT'").query(Long.class).single()).isZero();
        mvc.perform(get("/api/recommendations").param("programme", "not a code"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("programme"));
    }

    private List<String> ids(String path) throws Exception {
        return read(path).path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }
}
