package org.ws2.testsupport;

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

import tools.jackson.databind.json.JsonMapper;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * Publishes recommendation events as the recommendations service would, and tells when the
 * service under test has consumed a given record, so that a test can check that something did
 * <em>not</em> change without sleeping.
 */
public final class RecommendationEventFeed implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String[] TOPICS = { "Diversity", "Guidelines for Good Faith", "Human Rights FOI", "Jurisdiction",
            "Office of the Ombuds", "SO/AC Accountability", "Staff Accountability", "Transparency" };

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    private final String consumerGroup;
    private final String topic;
    private final Admin admin;

    /**
     * Publishes to the public topic ({@link Topics#RECOMMENDATIONS}).
     *
     * @param consumerGroup the group of the service under test, whose progress {@link #awaitConsumed} watches
     */
    public RecommendationEventFeed(KafkaTemplate<String, String> kafka, String bootstrapServers,
            String consumerGroup) {
        this(kafka, bootstrapServers, consumerGroup, Topics.RECOMMENDATIONS);
    }

    /**
     * @param topic the public topic, or its internal twin ({@code Topics.internal(...)}) for a service that reads
     *              that (ADR 0027)
     */
    public RecommendationEventFeed(KafkaTemplate<String, String> kafka, String bootstrapServers,
            String consumerGroup, String topic) {
        this.kafka = kafka;
        this.consumerGroup = consumerGroup;
        this.topic = topic;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** PostgreSQL keeps microseconds; events timed with this compare equal after a round trip. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public CloudEvent registered(String id, RecommendationStatus status, long version, Instant at) {
        var payload = new RecommendationEvents.Registered(id, topic(id), title(id), status, version, "seed",
                snapshot(id, status, version, at));
        return codec.toCloudEvent(payload, now());
    }

    public CloudEvent statusChanged(String id, RecommendationStatus from, RecommendationStatus to, long version,
            Instant at) {
        return statusChanged(id, from, to, version, at, "Moved in test", "alice");
    }

    public CloudEvent statusChanged(String id, RecommendationStatus from, RecommendationStatus to, long version,
            Instant at, String note, String actor) {
        var payload = new RecommendationEvents.StatusChanged(id, topic(id), title(id), from, to, note, actor, at,
                version, null, snapshot(id, to, version, at));
        return codec.toCloudEvent(payload, now());
    }

    public CloudEvent retired(String id, RecommendationStatus status, long version, Instant at) {
        var payload = new RecommendationEvents.Retired(id, version, "alice", at, "Merged into another",
                snapshot(id, status, version, at, true));
        return codec.toCloudEvent(payload, now());
    }

    private static RecommendationSnapshot snapshot(String id, RecommendationStatus status, long version,
            Instant at) {
        return snapshot(id, status, version, at, false);
    }

    private static RecommendationSnapshot snapshot(String id, RecommendationStatus status, long version,
            Instant at, boolean retired) {
        return new RecommendationSnapshot(id, prefix(id), topic(id), title(id), "What " + id + " asks for.",
                Ownership.ORG, List.of(), List.of("ICANN org"), null, List.of(), "test", "test data", status,
                CoordinationLevel.NONE, null, List.of(), 0, retired, retired ? "Merged into another" : null, version, at,
                at);
    }

    private static String prefix(String id) {
        return id.substring(0, id.indexOf('.'));
    }

    public static String topic(String id) {
        return TOPICS[Integer.parseInt(prefix(id)) - 1];
    }

    public static String title(String id) {
        return "Test recommendation " + id;
    }

    /** Publishes a contract-conforming event, keyed by its subject as the outbox relay does. */
    public RecordMetadata publish(CloudEvent event) {
        String value = codec.write(event);
        EventSchemas.assertConforms(value);
        return send(event.subject(), value);
    }

    /** Publishes any value at all, e.g. a poison record or an event of a type no schema knows. */
    public RecordMetadata send(String key, String value) {
        try {
            return kafka.send(topic, key, value).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Waits until the service's consumer group has committed past {@code record}: it is done with it. */
    public void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> committedOffset(partition) > record.offset());
    }

    private long committedOffset(TopicPartition partition) throws ExecutionException, InterruptedException {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(consumerGroup)
                .partitionsToOffsetAndMetadata().get().get(partition);
        return committed == null ? -1 : committed.offset();
    }

    @Override
    public void close() {
        admin.close();
    }
}
