package org.ws2.reporting.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.service.events.EventJson;
import org.ws2.service.events.ProcessedEvents;

/** Keeps {@link AssignmentHistory} in step with {@code ws2.assignments.v1}. */
@Component
class AssignmentEventsListener {

    static final String CONSUMER = "reporting.assignment-history";

    private static final Logger log = LoggerFactory.getLogger(AssignmentEventsListener.class);

    private final EventJson eventJson;
    private final ProcessedEvents processedEvents;
    private final AssignmentHistory history;

    AssignmentEventsListener(EventJson eventJson, ProcessedEvents processedEvents, AssignmentHistory history) {
        this.eventJson = eventJson;
        this.processedEvents = processedEvents;
        this.history = history;
    }

    record AnyAssignmentChange(AssignmentSnapshot assignment) {
    }

    @KafkaListener(topics = Topics.ASSIGNMENTS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        AssignmentSnapshot assignment = eventJson.data(event, AnyAssignmentChange.class).assignment();
        if (assignment == null) {
            log.debug("Skipping event {} of type {}, which carries no assignment", event.id(), event.type());
            return;
        }
        if (processedEvents.firstDelivery(CONSUMER, event.id())) {
            history.record(assignment, event.type(), event.aggregateversion(), event.time());
        }
    }
}
