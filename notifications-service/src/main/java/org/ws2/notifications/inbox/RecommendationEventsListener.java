package org.ws2.notifications.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationEvents.Registered;
import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;
import org.ws2.service.events.EventJson;
import org.ws2.service.events.ProcessedEvents;

/**
 * Turns recommendation status changes into inbox notifications.
 *
 * <p>An event is handled once (its id is recorded in the same transaction as the notification),
 * and a change older than one already seen is not announced: telling people a recommendation
 * moved to planning after telling them it is in progress would mislead them.
 */
@Component
class RecommendationEventsListener {

    static final String CONSUMER = "notifications.inbox";

    private static final Logger log = LoggerFactory.getLogger(RecommendationEventsListener.class);

    private final EventJson eventJson;
    private final ProcessedEvents processedEvents;
    private final RecommendationVersions versions;
    private final Inbox inbox;

    RecommendationEventsListener(EventJson eventJson, ProcessedEvents processedEvents,
            RecommendationVersions versions, Inbox inbox) {
        this.eventJson = eventJson;
        this.processedEvents = processedEvents;
        this.versions = versions;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.RECOMMENDATIONS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        switch (event.type()) {
            case RecommendationEvents.REGISTERED -> registered(event);
            case RecommendationEvents.STATUS_CHANGED -> statusChanged(event);
            // Not recorded as processed, so that a later version of this service that has a use
            // for the type still gets it when the topic is replayed.
            default -> log.debug("Skipping event {} of type {}, which this service does not use", event.id(),
                    event.type());
        }
    }

    /**
     * Announces nothing: seeding registers every recommendation at once and would flood the
     * inbox. Its version still counts, so that a stale status change after it is recognised.
     */
    private void registered(CloudEvent event) {
        if (!processedEvents.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        Registered registered = eventJson.data(event, Registered.class);
        versions.advance(registered.recommendationId(), event.aggregateversion());
    }

    private void statusChanged(CloudEvent event) {
        if (!processedEvents.firstDelivery(CONSUMER, event.id())) {
            log.debug("Event {} was already handled", event.id());
            return;
        }
        StatusChanged change = eventJson.data(event, StatusChanged.class);
        if (!versions.advance(change.recommendationId(), event.aggregateversion())) {
            log.info("Not announcing event {} for recommendation {}: version {} is not newer than one already seen",
                    event.id(), change.recommendationId(), event.aggregateversion());
            return;
        }
        inbox.add(event.id(), change.recommendationId(), NotificationKind.RECOMMENDATION_STATUS_CHANGED,
                StatusChangeMessage.of(change), change.actor());
    }
}
