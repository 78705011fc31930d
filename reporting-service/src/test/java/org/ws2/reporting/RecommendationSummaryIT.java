package org.ws2.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.ws2.contracts.recommendation.RecommendationStatus.DOCUMENTING;
import static org.ws2.contracts.recommendation.RecommendationStatus.IMPLEMENTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.IN_PROGRESS;
import static org.ws2.contracts.recommendation.RecommendationStatus.NOT_STARTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.PLANNING;
import static org.ws2.testsupport.RecommendationEventFeed.now;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.contracts.EventCodec;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * Events published to the real topic, the summary read over HTTP. The context and database are
 * shared by the tests, so each uses recommendation ids of its own and looks at how the counts
 * move rather than at their absolute values.
 */
@ServiceIntegrationTest
class RecommendationSummaryIT extends ReportingIntegrationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcClient jdbc;

    // this context's own broker: another cached context (e.g. DatabaseOutageIT's) re-points the
    // spring.kafka.bootstrap-servers system property at its broker when it starts
    @Value("#{@embeddedKafka.brokersAsString}")
    String bootstrapServers;

    RecommendationEventFeed feed;

    @BeforeEach
    void openFeed() {
        feed = new RecommendationEventFeed(kafka, bootstrapServers, "reporting-service");
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    @Test
    void summaryNamesEveryStatusAndAddsUp() throws Exception {
        JsonNode summary = summary();

        assertThat(summary.path("byStatus").propertyNames())
                .containsExactly(Arrays.stream(RecommendationStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(summary.path("byPublicStatus").propertyNames())
                .containsExactly(Arrays.stream(PublicStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(sum(summary.path("byStatus"))).isEqualTo(summary.path("total").asLong());
        assertThat(sum(summary.path("byPublicStatus"))).isEqualTo(summary.path("total").asLong());
        assertThat(summary.has("asOf")).isTrue();
    }

    @Test
    void registrationsAndStatusChangesAreCounted() throws Exception {
        String id = "1.901";
        JsonNode before = summary();

        feed.publish(feed.registered(id, NOT_STARTED, 0, now()));
        awaitSummary(s -> moved(before, s, NOT_STARTED) == 1 && total(s) == total(before) + 1);

        Instant changedAt = now();
        feed.publish(feed.statusChanged(id, NOT_STARTED, PLANNING, 1, changedAt));
        JsonNode after = awaitSummary(s -> moved(before, s, PLANNING) == 1);

        assertThat(moved(before, after, NOT_STARTED)).isZero();
        assertThat(total(after)).isEqualTo(total(before) + 1);
        assertThat(after.path("byPublicStatus").path("IN_PROGRESS").asLong())
                .isEqualTo(before.path("byPublicStatus").path("IN_PROGRESS").asLong() + 1);
        assertThat(Instant.parse(after.path("asOf").asString())).isEqualTo(changedAt);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() throws Exception {
        String id = "1.902";
        CloudEvent registered = feed.registered(id, NOT_STARTED, 0, now());
        CloudEvent changed = feed.statusChanged(id, NOT_STARTED, PLANNING, 1, now());
        feed.publish(registered);
        feed.awaitConsumed(feed.publish(changed));
        JsonNode applied = summary();

        feed.publish(changed);
        feed.awaitConsumed(feed.publish(registered));

        assertThat(summary()).isEqualTo(applied);
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_processed_event WHERE event_id IN (:ids)")
                .param("ids", List.of(registered.id(), changed.id())).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothing() throws Exception {
        String id = "1.903";
        feed.publish(feed.registered(id, NOT_STARTED, 0, now()));
        feed.awaitConsumed(feed.publish(feed.statusChanged(id, NOT_STARTED, IN_PROGRESS, 2, now())));
        JsonNode applied = summary();

        // Newer ids and times, older versions: what a producer bug or a stray replay could send.
        feed.publish(feed.statusChanged(id, NOT_STARTED, PLANNING, 1, now()));
        feed.awaitConsumed(feed.publish(feed.registered(id, NOT_STARTED, 0, now())));

        assertThat(summary()).isEqualTo(applied);
    }

    @Test
    void aPoisonRecordDoesNotStopConsumption() throws Exception {
        String id = "1.904";
        JsonNode before = summary();

        feed.send(id, "this is not JSON");
        feed.publish(feed.registered(id, IMPLEMENTED, 0, now()));

        JsonNode after = awaitSummary(s -> moved(before, s, IMPLEMENTED) == 1);
        assertThat(after.path("byPublicStatus").path("COMPLETE").asLong())
                .isEqualTo(before.path("byPublicStatus").path("COMPLETE").asLong() + 1);
    }

    @Test
    void aPoisonRecordIsParkedOnTheDeadLetterTopic() {
        String id = "1.906";
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.RECOMMENDATIONS))) {
            feed.send(id, "parked: not JSON");

            assertThat(deadLetters.await(id, records -> !records.isEmpty(), PATIENCE))
                    .extracting(ConsumerRecord::value).containsExactly("parked: not JSON");
        }
    }

    @Test
    void aRetiredRecommendationIsNoLongerCounted() throws Exception {
        String id = "1.907";
        feed.publish(feed.registered(id, IN_PROGRESS, 0, now()));
        awaitSummary(s -> s.path("byStatus").path("IN_PROGRESS").asLong() >= 1);
        JsonNode before = summary();

        feed.publish(feed.retired(id, IN_PROGRESS, 1, now()));

        awaitSummary(s -> total(s) == total(before) - 1
                && s.path("byStatus").path("IN_PROGRESS").asLong() == before.path("byStatus").path("IN_PROGRESS").asLong() - 1);
    }

    @Test
    void anEventOfAnUnknownTypeIsSkippedNotFailed() throws Exception {
        String id = "1.905";
        JsonNode before = summary();
        String unknown = codec.write(feed.registered(id, DOCUMENTING, 1, now()))
                .replace(RecommendationEvents.REGISTERED, "org.ws2.recommendation.renumbered.v1");

        feed.awaitConsumed(feed.send(id, unknown));
        feed.publish(feed.registered(id, DOCUMENTING, 0, now()));

        awaitSummary(s -> moved(before, s, DOCUMENTING) == 1 && total(s) == total(before) + 1);
        // Left unrecorded, so that a later version of the service can still apply it on a replay.
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_processed_event WHERE event_id = :id")
                .param("id", codec.read(unknown).id()).query(Long.class).single()).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheSummary() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/reports/summary'].get").exists());
    }

    private JsonNode summary() throws Exception {
        return read("/api/reports/summary");
    }

    private JsonNode awaitSummary(Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(this::summary, condition::test);
    }

    private static long moved(JsonNode before, JsonNode after, RecommendationStatus status) {
        return after.path("byStatus").path(status.name()).asLong() - before.path("byStatus").path(status.name()).asLong();
    }

    private static long total(JsonNode summary) {
        return summary.path("total").asLong();
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }
}
