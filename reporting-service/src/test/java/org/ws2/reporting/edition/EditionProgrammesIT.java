package org.ws2.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/**
 * Editions per programme (issue 21): another review's edition of a quarter is drafted and published on its own,
 * from its own facts, while WS2's edition of the same quarter stays as it is. The other programme here is the CCT
 * review's, so that its recommendations do not change the ATRT3 reports other tests of this context check, and the
 * quarter 2021-Q4, whose WS2 edition no other test writes (QuarterlyReportIT starts WS2's 2021-Q2).
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditionProgrammesIT extends ReportingIntegrationTestBase {

    static final String QUARTER = "/api/reports/editions/2021-Q4";
    static final String CCT = QUARTER + "?programme=CCT";
    static final String SECTIONS = "{\"highlights\": [\"Public comment closed\"]}";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeAll
    void writeHistory() {
        WorldFeed feed = new WorldFeed(kafka);
        feed.registerRecommendation("CCT-1.1", "Consumer trust", Ownership.ORG, List.of(),
                Instant.parse("2021-10-06T10:00:00Z"));
        feed.registerRecommendation("CCT-1.2", "Consumer trust", Ownership.COMMUNITY, List.of(),
                Instant.parse("2021-10-06T10:00:00Z"));
        feed.move("CCT-1.1", RecommendationStatus.IMPLEMENTED, null, Instant.parse("2021-11-20T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(read("/api/reports/quarterly/2021-Q4?programme=CCT").path("newlyComplete").toString())
                        .contains("CCT-1.1"));
    }

    @Test
    void aProgrammesEditionIsDraftedAndPublishedOnItsOwnFromItsOwnFacts() throws Exception {
        write(QUARTER).andExpect(status().isCreated()).andExpect(header().string("ETag", "\"1\""));
        String ws2Draft = draft(QUARTER);

        try (TopicProbe topic = new TopicProbe(bootstrapServers, Topics.REPORTS)) {
            write(CCT).andExpect(status().isCreated()).andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.programme").value("CCT"));
            mvc.perform(post(CCT.replace("?", "/review?")).header("Authorization", EditionsIT.SUPPORT))
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
            mvc.perform(post(CCT.replace("?", "/publish?")).header("Authorization", EditionsIT.ADMIN))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));

            List<ConsumerRecord<String, String>> events = topic.await("CCT-2021-Q4", records -> !records.isEmpty(),
                    Duration.ofSeconds(30));
            EventSchemas.assertConforms(events.get(0).value());
            JsonNode event = json.readTree(events.get(0).value());
            assertThat(event.at("/data/programme").asString()).isEqualTo("CCT");
            assertThat(event.at("/data/quarter").asString()).isEqualTo("2021-Q4");
            assertThat(event.at("/data/url").asString()).isEqualTo("http://localhost:8080/reports/2021-Q4?programme=CCT");
        }

        // WS2's edition of the quarter is still the draft it was, with its own version (its facts are built afresh
        // on each read, from WS2's history, which other tests of this context may still be writing)
        JsonNode before = json.readTree(ws2Draft);
        JsonNode after = json.readTree(draft(QUARTER));
        for (String field : List.of("status", "version", "revision", "revisions", "sections")) {
            assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
        }
        assertThat(after.path("status").asString()).isEqualTo("DRAFT");
        assertThat(after.path("version").asLong()).isEqualTo(1);
        assertThat(after.has("programme")).as("WS2's answer is as before programmes").isFalse();
        mvc.perform(get(QUARTER)).andExpect(status().isNotFound());
        assertThat(read("/api/reports/editions").toString()).doesNotContain("2021-Q4");

        JsonNode published = read(CCT);
        assertThat(published.path("programme").asString()).isEqualTo("CCT");
        assertThat(published.path("url").asString()).isEqualTo("http://localhost:8080/reports/2021-Q4?programme=CCT");
        assertThat(published.at("/headline/org/total").asLong()).isEqualTo(1);
        assertThat(published.at("/headline/community/total").asLong()).isEqualTo(1);
        List<String> complete = new ArrayList<>();
        published.at("/facts/newlyComplete").forEach(r -> complete.add(r.path("id").asString()));
        assertThat(complete).containsExactly("CCT-1.1");
        assertThat(body(CCT + "&format=md")).startsWith("# Implementing CCT Recommendations – Q4 2021");
        assertThat(read(CCT + "&revision=1").path("revision").asInt()).isEqualTo(1);
        assertThat(read("/api/reports/editions?programme=CCT").toString()).contains("2021-Q4")
                .contains("reports/2021-Q4?programme=CCT");
        assertThat(read("/api/reports/milestones?programme=CCT").at("/edition/url").asString())
                .isEqualTo("http://localhost:8080/reports/2021-Q4?programme=CCT");

        String everyProgramme = body("/api/reports/editions.atom");
        assertThat(everyProgramme).contains("<title>CCT implementation update, Q4 2021</title>")
                .contains("<id>http://localhost:8080/reports/2021-Q4?programme=CCT&amp;revision=1</id>");
        assertThat(body("/api/reports/editions.atom?programme=WS2")).doesNotContain("CCT");
        assertThat(body("/api/reports/editions.atom?programme=CCT")).contains("CCT implementation update, Q4 2021")
                .doesNotContain("WS2 implementation update");
    }

    @Test
    void anUnknownProgrammeIsAProblemAndChangesNothing() throws Exception {
        String before = body("/api/reports/editions.atom");
        write(QUARTER + "?programme=NOPE").andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value(Matchers.endsWith("programme-not-found")));
        write(QUARTER + "?programme=cct!").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("programme"));
        mvc.perform(post(QUARTER + "/publish?programme=NOPE").header("Authorization", EditionsIT.ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/editions?programme=NOPE")).andExpect(status().isNotFound());
        mvc.perform(get(QUARTER + "?programme=NOPE").header("Authorization", EditionsIT.SUPPORT))
                .andExpect(status().isNotFound());
        assertThat(body("/api/reports/editions.atom")).isEqualTo(before);
        mvc.perform(get("/api/reports/editions?programme=NOPE").header("Authorization", EditionsIT.SUPPORT))
                .andExpect(status().isNotFound());
    }

    private ResultActions write(String uri) throws Exception {
        return mvc.perform(put(uri).header("Authorization", EditionsIT.SUPPORT).contentType(MediaType.APPLICATION_JSON)
                .content(SECTIONS));
    }

    private String draft(String uri) throws Exception {
        return mvc.perform(get(uri).header("Authorization", EditionsIT.SUPPORT)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
