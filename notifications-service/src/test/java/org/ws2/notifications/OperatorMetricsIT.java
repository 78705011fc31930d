package org.ws2.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.contracts.recommendation.RecommendationStatus.NOT_STARTED;
import static org.ws2.contracts.recommendation.RecommendationStatus.PLANNING;
import static org.ws2.testsupport.RecommendationEventFeed.now;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.ws2.contracts.Topics;
import org.ws2.service.observability.DeadLetterMetrics;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TopicProbe;

/**
 * The consumer-side metrics docs/metrics.md promises operators, read from the service's own meter
 * registry (what /actuator/prometheus renders) after real records went through a real broker.
 */
@ServiceIntegrationTest
class OperatorMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Kafka's per-partition client metrics are bound on Micrometer's refresh: every 2 s here (the test's properties). */
    private static final Duration CLIENT_METRICS_REFRESH = PATIENCE;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaTemplate<String, String> kafka;

    // this context's own broker: another cached context (e.g. DatabaseOutageIT's) re-points the
    // spring.kafka.bootstrap-servers system property at its broker when it starts
    @Value("#{@embeddedKafka.brokersAsString}")
    String bootstrapServers;

    RecommendationEventFeed feed;

    @BeforeEach
    void openFeed() {
        feed = new RecommendationEventFeed(kafka, bootstrapServers, "notifications-service",
                Topics.internal(Topics.RECOMMENDATIONS));
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    @Test
    void aDeadLetteredRecordIsCountedByItsTopic() {
        String id = "2.951";
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.internal(Topics.RECOMMENDATIONS)))) {
            feed.send(id, "counted: not JSON");
            assertThat(deadLetters.await(id, records -> !records.isEmpty(), PATIENCE))
                    .extracting(ConsumerRecord::value).containsExactly("counted: not JSON");
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                meters.find(DeadLetterMetrics.DEAD_LETTERED)
                        .tag("topic", Topics.internal(Topics.RECOMMENDATIONS))
                        .tag("dead.letter.topic", Topics.deadLetter(Topics.internal(Topics.RECOMMENDATIONS)))
                        .counters().stream().mapToDouble(c -> c.count()).sum())
                .isGreaterThanOrEqualTo(1));
        System.out.println("dead letters: " + describe(meters.find(DeadLetterMetrics.DEAD_LETTERED).meters()));
    }

    @Test
    void eachListenerTimesTheRecordsItHandles() {
        feed.awaitConsumed(feed.publish(feed.statusChanged("2.952", NOT_STARTED, PLANNING, 1, now())));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                meters.find("spring.kafka.listener").timers().stream().mapToLong(t -> t.count()).sum())
                .isPositive());
        System.out.println("listener timers: " + describe(meters.find("spring.kafka.listener").meters()));
    }

    @Test
    void consumerLagIsMeasuredPerTopicAndPartition() {
        feed.awaitConsumed(feed.publish(feed.statusChanged("2.953", NOT_STARTED, PLANNING, 1, now())));

        await().atMost(CLIENT_METRICS_REFRESH).untilAsserted(() -> assertThat(
                meters.find("kafka.consumer.fetch.manager.records.lag")
                        .tag("topic", Topics.internal(Topics.RECOMMENDATIONS))
                        .tagKeys("partition", "client.id")
                        .gauges())
                .isNotEmpty());
        System.out.println("lag gauges: " + describe(meters.find("kafka.consumer.fetch.manager.records.lag").meters()));
    }

    @Test
    void recordsSentWithTheServicesKafkaTemplateCarryW3cTraceContext() {
        // The outbox relay and the dead-letter recoverer send with this same template.
        try (TopicProbe topic = new TopicProbe(bootstrapServers, Topics.internal(Topics.RECOMMENDATIONS))) {
            feed.publish(feed.registered("2.954", NOT_STARTED, 0, now()));

            List<ConsumerRecord<String, String>> records = topic.await("2.954", r -> !r.isEmpty(), PATIENCE);
            Header traceparent = records.get(0).headers().lastHeader("traceparent");
            assertThat(traceparent).as("traceparent header").isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        }
        assertThat(meters.find("spring.kafka.template").tag("messaging.destination.name", Topics.internal(Topics.RECOMMENDATIONS))
                .tag("error", "none").timers()).isNotEmpty();
        System.out.println("template timers: " + describe(meters.find("spring.kafka.template").meters()));
    }

    @Test
    void readinessIsAGaugeOperatorsCanAlertOn() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.find("ws2.readiness").gauge())
                .as("ws2.readiness").isNotNull()
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(1.0)));
    }

    private static String describe(Collection<Meter> found) {
        return found.stream().map(m -> m.getId().toString()).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
