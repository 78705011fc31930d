package org.ws2.groups.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.service.events.EventJson;
import org.ws2.testsupport.EventSchemas;

/**
 * Publishes recommendation events as the recommendations service would, and tells when the
 * service under test has consumed a record, so that a test can check that something did
 * <em>not</em> change without sleeping.
 */
public final class RecommendationEventFeed implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String[] TOPICS = { "Diversity", "Guidelines for Good Faith", "Human Rights FOI",
            "Jurisdiction", "Office of the Ombuds", "SO/AC Accountability", "Staff Accountability", "Transparency" };

    private final KafkaTemplate<String, String> kafka;
    private final EventJson eventJson;
    private final Admin admin;

    public RecommendationEventFeed(KafkaTemplate<String, String> kafka, EventJson eventJson, String bootstrapServers) {
        this.kafka = kafka;
        this.eventJson = eventJson;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public CloudEvent registered(String id, long version) {
        var payload = new RecommendationEvents.Registered(id, topic(id), title(id, version),
                RecommendationStatus.NOT_STARTED, version, "seed",
                snapshot(id, RecommendationStatus.NOT_STARTED, version, false));
        return CloudEvent.of(RecommendationEvents.SOURCE, RecommendationEvents.REGISTERED, id, version, now(),
                eventJson.toData(payload));
    }

    public CloudEvent statusChanged(String id, RecommendationStatus from, RecommendationStatus to, long version) {
        Instant at = now();
        var payload = new RecommendationEvents.StatusChanged(id, topic(id), title(id, version), from, to, "Moved",
                "alice", at, version, null, snapshot(id, to, version, false));
        return CloudEvent.of(RecommendationEvents.SOURCE, RecommendationEvents.STATUS_CHANGED, id, version, at,
                eventJson.toData(payload));
    }

    public CloudEvent retired(String id, long version) {
        Instant at = now();
        var payload = new RecommendationEvents.Retired(id, version, "alice", at, "Merged into another",
                snapshot(id, RecommendationStatus.NOT_STARTED, version, true));
        return CloudEvent.of(RecommendationEvents.SOURCE, RecommendationEvents.RETIRED, id, version, at,
                eventJson.toData(payload));
    }

    private static RecommendationSnapshot snapshot(String id, RecommendationStatus status, long version,
            boolean retired) {
        return new RecommendationSnapshot(id, prefix(id), topic(id), title(id, version), "What " + id + " asks for.",
                Ownership.COMMUNITY, List.of(), List.of("SO/ACs"), null, List.of(), status, CoordinationLevel.NONE,
                null, List.of(), 0, retired, version, now());
    }

    private static String prefix(String id) {
        return id.substring(0, id.indexOf('.'));
    }

    public static String topic(String id) {
        return TOPICS[Integer.parseInt(prefix(id)) - 1];
    }

    /** The title names the version, so that a test can see which event's state is held. */
    public static String title(String id, long version) {
        return "Recommendation " + id + " v" + version;
    }

    /** Publishes a contract-conforming event, keyed by its subject as the outbox relay does. */
    public RecordMetadata publish(CloudEvent event) {
        String value = eventJson.write(event);
        EventSchemas.assertConforms(value);
        return send(event.subject(), value);
    }

    public RecordMetadata send(String key, String value) {
        try {
            return kafka.send(Topics.RECOMMENDATIONS, key, value).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + Topics.RECOMMENDATIONS, e);
        }
    }

    /** Waits until the groups service's consumer group has committed past {@code record}. */
    public void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> committedOffset(partition) > record.offset());
    }

    private long committedOffset(TopicPartition partition) throws ExecutionException, InterruptedException {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("groups-service")
                .partitionsToOffsetAndMetadata().get().get(partition);
        return committed == null ? -1 : committed.offset();
    }

    @Override
    public void close() {
        admin.close();
    }
}
