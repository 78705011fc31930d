package org.ws2.reporting.group;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.service.events.EventJson;
import org.ws2.service.events.ProcessedEvents;

/**
 * Keeps {@link GroupHistory} in step with {@code ws2.groups.v1}. Every group event carries the
 * group's whole state, so whatever the type, the snapshot is what is kept.
 */
@Component
class GroupEventsListener {

    static final String CONSUMER = "reporting.group-history";

    private static final Logger log = LoggerFactory.getLogger(GroupEventsListener.class);

    private final EventJson eventJson;
    private final ProcessedEvents processedEvents;
    private final GroupHistory history;

    GroupEventsListener(EventJson eventJson, ProcessedEvents processedEvents, GroupHistory history) {
        this.eventJson = eventJson;
        this.processedEvents = processedEvents;
        this.history = history;
    }

    record AnyGroupChange(GroupSnapshot group) {
    }

    @KafkaListener(topics = Topics.GROUPS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        GroupSnapshot group = eventJson.data(event, AnyGroupChange.class).group();
        if (group == null) {
            // Left unrecorded so that a later version of this service can still apply it on a replay.
            log.debug("Skipping event {} of type {}, which carries no group", event.id(), event.type());
            return;
        }
        if (processedEvents.firstDelivery(CONSUMER, event.id())) {
            history.record(group, event.aggregateversion(), event.time());
        }
    }
}
