package org.ws2.reporting.engagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.service.events.EventJson;
import org.ws2.service.events.ProcessedEvents;

/** Keeps {@link EngagementHistory} in step with {@code ws2.engagements.v1}. */
@Component
class EngagementEventsListener {

    static final String CONSUMER = "reporting.engagement-history";

    private static final Logger log = LoggerFactory.getLogger(EngagementEventsListener.class);

    private final EventJson eventJson;
    private final ProcessedEvents processedEvents;
    private final EngagementHistory history;

    EngagementEventsListener(EventJson eventJson, ProcessedEvents processedEvents, EngagementHistory history) {
        this.eventJson = eventJson;
        this.processedEvents = processedEvents;
        this.history = history;
    }

    record AnyEngagementChange(EngagementSnapshot engagement) {
    }

    @KafkaListener(topics = Topics.ENGAGEMENTS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        EngagementSnapshot engagement = eventJson.data(event, AnyEngagementChange.class).engagement();
        if (engagement == null) {
            log.debug("Skipping event {} of type {}, which carries no engagement", event.id(), event.type());
            return;
        }
        if (processedEvents.firstDelivery(CONSUMER, event.id())) {
            history.record(engagement, event.aggregateversion(), event.time());
        }
    }
}
