package org.ws2.systemtests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.databind.JsonNode;

import static org.ws2.systemtests.support.Responses.JSON;

/** The events of a load's entities as the topics hold them: each record's event id, aggregate id and version. */
public record LoadEvents(List<Event> records) {

    public record Event(String topic, String id, String aggregate, long version) {
    }

    /**
     * Reads the topics from the start until each entity has an event at {@code expected} (its version in the source
     * now: the relays may still be sending when the load stops), then the rest the topics hold (a duplicate sent
     * after the latest version).
     */
    public static LoadEvents read(SystemStack stack, Collection<String> topics, Map<String, Long> expected) {
        List<Event> records = new ArrayList<>();
        Map<String, Long> latest = new HashMap<>();
        Consumer<ConsumerRecord<String, String>> keep = record -> {
            if (expected.containsKey(record.key())) {
                JsonNode event = JSON.readTree(record.value());
                long version = event.path("aggregateversion").asLong();
                records.add(new Event(record.topic(), event.path("id").asString(), record.key(), version));
                latest.merge(record.key(), version, Math::max);
            }
        };
        try (TopicReader reader = TopicReader.fromTheStart(stack, topics)) {
            reader.readUntil(Duration.ofSeconds(120), keep,
                    () -> expected.entrySet().stream().allMatch(e -> latest.getOrDefault(e.getKey(), -1L) >= e.getValue()));
            reader.readToTheEnd(Duration.ofSeconds(60), keep);
        }
        return new LoadEvents(records);
    }

    public Set<String> ids(String topic) {
        return records.stream().filter(e -> e.topic().equals(topic)).map(Event::id).collect(Collectors.toSet());
    }

    /** Each {@code aggregate@version} on the topic. */
    public Set<String> versions(String topic) {
        return records.stream().filter(e -> e.topic().equals(topic)).map(e -> e.aggregate() + "@" + e.version())
                .collect(Collectors.toSet());
    }

    /** Each aggregate's latest version on the topics. */
    public Map<String, Long> latest() {
        Map<String, Long> latest = new HashMap<>();
        records.forEach(e -> latest.merge(e.aggregate(), e.version(), Math::max));
        return latest;
    }

    public String summary(Collection<String> topics) {
        Map<String, String> byTopic = new TreeMap<>();
        for (String topic : Set.copyOf(topics)) {
            long count = records.stream().filter(e -> e.topic().equals(topic)).count();
            byTopic.put(topic, "%d records, %d distinct events (%d sent twice by an outbox relay)".formatted(count,
                    ids(topic).size(), count - ids(topic).size()));
        }
        return byTopic.toString();
    }
}
