package org.ws2.service.events;

import java.util.Arrays;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.ws2.contracts.Topics;

/**
 * Creates, at start-up, the topics a service writes to (and the dead-letter topics of those it
 * reads), rather than relying on a broker's automatic creation: production clusters usually
 * disable it, and an event for a missing topic would hold up the outbox. Partitions and
 * replication come from {@code ws2.kafka.partitions} and {@code ws2.kafka.replication-factor}.
 */
public class TopicDeclarations {

    private final int partitions;
    private final short replicationFactor;

    public TopicDeclarations(int partitions, short replicationFactor) {
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Topics this service publishes to. */
    public KafkaAdmin.NewTopics produced(String... topics) {
        return new KafkaAdmin.NewTopics(Arrays.stream(topics).map(this::topic).toArray(NewTopic[]::new));
    }

    /** The dead-letter topics of the topics this service consumes; same partitions, so records keep theirs. */
    public KafkaAdmin.NewTopics deadLettersOf(String... consumedTopics) {
        return new KafkaAdmin.NewTopics(Arrays.stream(consumedTopics).map(Topics::deadLetter).map(this::topic)
                .toArray(NewTopic[]::new));
    }

    private NewTopic topic(String name) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build();
    }
}
