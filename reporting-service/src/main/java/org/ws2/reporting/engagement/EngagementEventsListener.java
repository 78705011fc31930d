package org.ws2.reporting.engagement;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.Topics;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.service.events.EventConsumer;

/**
 * Keeps {@link EngagementHistory} in step with {@code ws2.engagements.v1}. Every event carries the engagement item's whole
 * state, so whatever the type, the snapshot is what is kept, at the event's effective time; the
 * {@link EventConsumer} applies each event once, and only a newer version.
 */
@Component
class EngagementEventsListener {

    static final String CONSUMER = "reporting.engagement-history";

    private final EventConsumer consumer;
    private final EngagementHistory history;

    EngagementEventsListener(EventConsumer consumer, EngagementHistory history) {
        this.consumer = consumer;
        this.history = history;
    }

    @KafkaListener(topics = Topics.ENGAGEMENTS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        consumer.consume(CONSUMER, value, EngagementEvent.class,
                (event, envelope) -> history.record(event.engagement(), event.aggregateVersion(), envelope.time()));
    }
}
