package org.ws2.reporting.recommendation;

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
 * Keeps {@link RecommendationReadModel} in step with {@code ws2.recommendations.v1}.
 *
 * <p>Each event is applied at most once (its id is recorded in the same transaction as the
 * change) and only if it is newer than what is held, so redeliveries, replays and stragglers from
 * an outbox republish change nothing. Every recommendation event carries the recommendation's whole
 * state ({@link RecommendationSnapshot}), so whatever the change, the row is simply replaced, and an
 * event seen before the registration (say, after the topic's retention dropped the latter) still
 * gives a complete row.
 */
@Component
class RecommendationEventsListener {

    static final String CONSUMER = "reporting.recommendation-read-model";

    private static final Logger log = LoggerFactory.getLogger(RecommendationEventsListener.class);

    private final EventJson eventJson;
    private final ProcessedEvents processedEvents;
    private final RecommendationReadModel readModel;

    RecommendationEventsListener(EventJson eventJson, ProcessedEvents processedEvents,
            RecommendationReadModel readModel) {
        this.eventJson = eventJson;
        this.processedEvents = processedEvents;
        this.readModel = readModel;
    }

    @KafkaListener(topics = Topics.RECOMMENDATIONS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        RecommendationSnapshot recommendation = eventJson.data(event, RecommendationEvents.AnyChange.class).recommendation();
        if (recommendation == null) {
            // Not recorded as processed: a later version of this service that understands the
            // type must still be able to apply it when the topic is replayed.
            log.debug("Skipping event {} of type {}, which carries no recommendation", event.id(), event.type());
            return;
        }
        if (!processedEvents.firstDelivery(CONSUMER, event.id())) {
            log.debug("Event {} was already applied", event.id());
            return;
        }
        if (!readModel.applyIfNewer(recommendation, event.aggregateversion(), event.time())) {
            log.info("Ignoring event {} for recommendation {}: version {} is not newer than the one held",
                    event.id(), event.subject(), event.aggregateversion());
        }
    }
}
