package org.ws2.reporting.assignment;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.service.events.EventConsumer;

/**
 * Keeps {@link AssignmentHistory} in step with {@code ws2.assignments.v1}. Every event carries the assignment's whole
 * state, so whatever the type, the snapshot is what is kept, at the event's effective time; the
 * {@link EventConsumer} applies each event once, and only a newer version.
 */
@Component
class AssignmentEventsListener {

    static final String CONSUMER = "reporting.assignment-history";

    private final EventConsumer consumer;
    private final AssignmentHistory history;

    AssignmentEventsListener(EventConsumer consumer, AssignmentHistory history) {
        this.consumer = consumer;
        this.history = history;
    }

    @KafkaListener(topics = Topics.ASSIGNMENTS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        consumer.consume(CONSUMER, value, AssignmentEvent.class,
                (event, envelope) -> history.record(event.assignment(), envelope.type(), event.aggregateVersion(),
                        envelope.time()));
    }
}
