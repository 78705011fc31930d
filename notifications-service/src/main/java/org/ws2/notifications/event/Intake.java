package org.ws2.notifications.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.service.events.ProcessedEvents;

/**
 * Lets an event through once, and only if it is newer than what was applied for its aggregate:
 * telling people an assignment was triaged after telling them it was signed off would mislead them.
 */
@Component
class Intake {

    static final String CONSUMER = "notifications";
    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final ProcessedEvents processedEvents;
    private final AppliedVersions versions;

    Intake(ProcessedEvents processedEvents, AppliedVersions versions) {
        this.processedEvents = processedEvents;
        this.versions = versions;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean admit(CloudEvent event, String aggregateId) {
        if (!processedEvents.firstDelivery(CONSUMER, event.id())) {
            log.debug("Event {} was already handled", event.id());
            return false;
        }
        if (!versions.advance(aggregateId, event.aggregateversion())) {
            log.info("Not announcing event {} for {}: version {} is not newer than one already applied", event.id(),
                    aggregateId, event.aggregateversion());
            return false;
        }
        return true;
    }
}
