package org.ws2.systemtests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.JSON;

/** A plain consumer of the stack's topics from their beginning, in a group of its own: what the topics hold. */
public final class TopicReader implements AutoCloseable {

    public static final String RECOMMENDATIONS = "ws2.recommendations.v1";

    private final KafkaConsumer<String, String> consumer;

    private TopicReader(SystemStack stack, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(),
                "group.id", "system-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.copyOf(topics));
    }

    public static TopicReader fromTheStart(SystemStack stack, Collection<String> topics) {
        return new TopicReader(stack, topics);
    }

    /** Gives each record read to {@code each} until {@code done} holds. */
    public void readUntil(Duration atMost, Consumer<ConsumerRecord<String, String>> each, BooleanSupplier done) {
        await().atMost(atMost).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(each);
            return done.getAsBoolean();
        });
    }

    /** Then the rest of what the topics hold now. */
    public void readToTheEnd(Duration atMost, Consumer<ConsumerRecord<String, String>> each) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(atMost).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(each);
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    @Override
    public void close() {
        consumer.close();
    }

    /**
     * The events on ws2.recommendations.v1 for these keys, in topic order, once each has at least {@code atLeast}, as
     * a consumer that skips an event id it has seen reads them. Delivery is at least once ({@code OutboxRelay}): a
     * record the broker took but could not acknowledge, as it stopped or started, is sent again on the relay's next
     * pass. A repeat must be that same event, byte for byte; anything else fails here.
     */
    public static Map<String, List<JsonNode>> eventsFor(SystemStack stack, List<String> keys, int atLeast) {
        Map<String, Map<String, String>> firstOfEachId = new HashMap<>();
        try (TopicReader reader = fromTheStart(stack, List.of(RECOMMENDATIONS))) {
            reader.readUntil(Duration.ofSeconds(60), record -> {
                if (keys.contains(record.key())) {
                    String id = JSON.readTree(record.value()).path("id").asString();
                    String first = firstOfEachId.computeIfAbsent(record.key(), key -> new LinkedHashMap<>())
                            .putIfAbsent(id, record.value());
                    if (first != null) {
                        assertThat(record.value()).as("event %s sent again", id).isEqualTo(first);
                    }
                }
            }, () -> keys.stream().allMatch(key -> firstOfEachId.getOrDefault(key, Map.of()).size() >= atLeast));
        }
        Map<String, List<JsonNode>> events = new HashMap<>();
        firstOfEachId.forEach((key, byId) -> events.put(key, byId.values().stream().map(JSON::readTree).toList()));
        return events;
    }

    /** The record on ws2.recommendations.v1 of {@code id}'s change to {@code version}. */
    public static ConsumerRecord<String, String> recordOf(SystemStack stack, String id, long version) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (TopicReader reader = fromTheStart(stack, List.of(RECOMMENDATIONS))) {
            reader.readUntil(Duration.ofSeconds(60), record -> {
                if (id.equals(record.key()) && JSON.readTree(record.value()).path("aggregateversion").asLong() == version) {
                    found.add(record);
                }
            }, () -> !found.isEmpty());
        }
        return found.get(0);
    }
}
