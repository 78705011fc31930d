package org.ws2.reporting.group;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.Topics;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.service.events.EventConsumer;

/**
 * Keeps {@link GroupHistory} in step with {@code ws2.groups.v1}. Every event carries the group's whole
 * state, so whatever the type, the snapshot is what is kept, at the event's effective time; the
 * {@link EventConsumer} applies each event once, and only a newer version.
 */
@Component
class GroupEventsListener {

    static final String CONSUMER = "reporting.group-history";

    private final EventConsumer consumer;
    private final GroupHistory history;

    GroupEventsListener(EventConsumer consumer, GroupHistory history) {
        this.consumer = consumer;
        this.history = history;
    }

    @KafkaListener(topics = Topics.GROUPS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        consumer.consume(CONSUMER, value, GroupEvent.class,
                (event, envelope) -> history.record(event.group(), event.aggregateVersion(), envelope.time()));
    }
}
