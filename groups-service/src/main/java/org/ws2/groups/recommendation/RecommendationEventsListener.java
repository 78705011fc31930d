package org.ws2.groups.recommendation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.service.events.EventJson;
import org.ws2.service.events.ProcessedEvents;


/**
 * Keeps {@link KnownRecommendations} in step with {@code ws2.recommendations.v1}.
 *
 * <p>Every recommendation event carries the whole recommendation in {@code data.recommendation},
 * so the type does not matter: any event with a snapshot is applied, once (its id is recorded in
 * the same transaction) and only if its {@code aggregateversion} is newer than the copy held, so
 * redeliveries, replays and stragglers change nothing.
 */
@Component
class RecommendationEventsListener {

    static final String CONSUMER = "groups.known-recommendations";

    private static final Logger log = LoggerFactory.getLogger(RecommendationEventsListener.class);

    private final EventJson eventJson;
    private final ProcessedEvents processedEvents;
    private final KnownRecommendations recommendations;

    RecommendationEventsListener(EventJson eventJson, ProcessedEvents processedEvents,
            KnownRecommendations recommendations) {
        this.eventJson = eventJson;
        this.processedEvents = processedEvents;
        this.recommendations = recommendations;
    }

    @KafkaListener(topics = Topics.RECOMMENDATIONS, groupId = "groups-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        RecommendationSnapshot recommendation = eventJson.data(event, RecommendationEvents.AnyChange.class)
                .recommendation();
        if (recommendation == null) {
            // Not recorded as processed: a later version of this service may understand it on replay.
            log.debug("Skipping event {} of type {}, which carries no recommendation", event.id(), event.type());
            return;
        }
        if (!processedEvents.firstDelivery(CONSUMER, event.id())) {
            log.debug("Event {} was already applied", event.id());
            return;
        }
        if (!recommendations.upsertIfNewer(recommendation, event.aggregateversion())) {
            log.info("Ignoring event {} for recommendation {}: version {} is not newer than the one held",
                    event.id(), event.subject(), event.aggregateversion());
        }
    }
}
