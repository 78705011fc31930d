package org.ws2.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.ws2.contracts.recommendation.RecommendationStatus.DOCUMENTING;
import static org.ws2.contracts.recommendation.RecommendationStatus.IN_PROGRESS;
import static org.ws2.contracts.recommendation.RecommendationStatus.NOT_STARTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.PLANNING;
import static org.ws2.testsupport.RecommendationEventFeed.now;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.EventCodec;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events published to the real topic, the inbox read over HTTP. The context and database are
 * shared by the tests, so each uses recommendation ids of its own and reads the inbox filtered
 * by them.
 */
@ServiceIntegrationTest
class NotificationsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    RecommendationEventFeed feed;

    @BeforeEach
    void openFeed() {
        feed = new RecommendationEventFeed(kafka, bootstrapServers, "notifications-service");
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    @Test
    void aStatusChangeBecomesANotification() throws Exception {
        String id = "2.901";
        Instant published = Instant.now();

        feed.publish(feed.statusChanged(id, NOT_STARTED, PLANNING, 1, now(), "Kick-off with SO/AC chairs", "alice"));

        JsonNode inbox = awaitInbox(id, page -> page.path("total").asLong() == 1);
        JsonNode item = inbox.path("items").get(0);
        assertThat(UUID.fromString(item.path("id").asString())).isNotNull();
        assertThat(item.path("recommendationId").asString()).isEqualTo(id);
        assertThat(item.path("kind").asString()).isEqualTo("RECOMMENDATION_STATUS_CHANGED");
        assertThat(item.path("actor").asString()).isEqualTo("alice");
        assertThat(item.path("message").asString()).isEqualTo("Recommendation 2.901 (Test recommendation 2.901) "
                + "moved from Not started to Planning by alice: Kick-off with SO/AC chairs");
        assertThat(Instant.parse(item.path("createdAt").asString())).isAfter(published.minusSeconds(60));
    }

    @Test
    void aRegistrationNotifiesNobodyButIsHandled() throws Exception {
        String id = "2.902";
        CloudEvent registered = feed.registered(id, NOT_STARTED, 0, now());

        feed.awaitConsumed(feed.publish(registered));

        assertThat(inbox(id).path("total").asLong()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_processed_event WHERE event_id = :id")
                .param("id", registered.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEventDeliveredTwiceNotifiesOnce() throws Exception {
        String id = "2.903";
        CloudEvent changed = feed.statusChanged(id, NOT_STARTED, PLANNING, 1, now());

        feed.publish(changed);
        feed.awaitConsumed(feed.publish(changed));

        assertThat(inbox(id).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anOlderVersionAfterANewerOneNotifiesNothing() throws Exception {
        String id = "2.904";
        feed.publish(feed.registered(id, NOT_STARTED, 0, now()));
        feed.awaitConsumed(feed.publish(feed.statusChanged(id, PLANNING, IN_PROGRESS, 2, now())));

        // A newer id and time, an older version: what a producer bug or a stray replay could send.
        feed.awaitConsumed(feed.publish(feed.statusChanged(id, NOT_STARTED, PLANNING, 1, now())));

        JsonNode inbox = inbox(id);
        assertThat(inbox.path("total").asLong()).isEqualTo(1);
        assertThat(inbox.path("items").get(0).path("message").asString()).contains("moved from Planning to In progress");
    }

    @Test
    void aPoisonRecordDoesNotStopConsumption() throws Exception {
        String id = "2.905";

        feed.send(id, "this is not JSON");
        feed.publish(feed.statusChanged(id, NOT_STARTED, PLANNING, 1, now()));

        awaitInbox(id, page -> page.path("total").asLong() == 1);
    }

    @Test
    void aPoisonRecordIsParkedOnTheDeadLetterTopic() {
        String id = "2.906";
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.RECOMMENDATIONS))) {
            feed.send(id, "parked: not JSON");

            assertThat(deadLetters.await(id, records -> !records.isEmpty(), PATIENCE))
                    .extracting(ConsumerRecord::value).containsExactly("parked: not JSON");
        }
    }

    @Test
    void pagesNewestFirst() throws Exception {
        String id = "2.907";
        feed.publish(feed.statusChanged(id, NOT_STARTED, PLANNING, 1, now()));
        feed.publish(feed.statusChanged(id, PLANNING, IN_PROGRESS, 2, now()));
        feed.publish(feed.statusChanged(id, IN_PROGRESS, DOCUMENTING, 3, now()));
        awaitInbox(id, page -> page.path("total").asLong() == 3);

        JsonNode first = inbox("?recommendationId=" + id + "&size=2");
        JsonNode second = inbox("?recommendationId=" + id + "&size=2&page=1");

        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        List<String> messages = new ArrayList<>();
        first.path("items").forEach(item -> messages.add(item.path("message").asString()));
        second.path("items").forEach(item -> messages.add(item.path("message").asString()));
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).contains("to Documenting");
        assertThat(messages.get(1)).contains("to In progress");
        assertThat(messages.get(2)).contains("to Planning");
    }

    @Test
    void pagesOfFiftyByDefault() throws Exception {
        JsonNode inbox = inbox("");

        assertThat(inbox.path("page").asInt()).isZero();
        assertThat(inbox.path("size").asInt()).isEqualTo(50);
        assertThat(inbox.path("items").size()).isLessThanOrEqualTo(50);
    }

    @Test
    void aPageSizeOutOfRangeIsA400ProblemNamingIt() throws Exception {
        for (String size : List.of("0", "201")) {
            mvc.perform(get("/api/notifications").param("size", size))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:invalid-input"))
                    .andExpect(jsonPath("$.field").value("size"));
        }
        mvc.perform(get("/api/notifications").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("page"));
    }

    @Test
    void theOpenApiDocumentDescribesTheInbox() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/notifications'].get.parameters[*].name")
                        .value(Matchers.containsInAnyOrder("page", "size", "recommendationId")));
    }

    private JsonNode inbox(String recommendationIdOrQuery) throws Exception {
        String query = recommendationIdOrQuery.isEmpty() || recommendationIdOrQuery.startsWith("?")
                ? recommendationIdOrQuery
                : "?recommendationId=" + recommendationIdOrQuery;
        String body = mvc.perform(get("/api/notifications" + query))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return jsonMapper.readTree(body);
    }

    private JsonNode awaitInbox(String recommendationId, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> inbox(recommendationId), condition::test);
    }
}
