package org.ws2.groups.recommendation;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.service.events.EventConsumer;

/**
 * Keeps {@link KnownRecommendations} in step with {@code ws2.recommendations.v1}. Every recommendation
 * event carries the whole recommendation, so whatever the type, the copy is replaced; the
 * {@link EventConsumer} applies each event once and only when it is newer than the copy held.
 */
@Component
class RecommendationEventsListener {

    static final String CONSUMER = "groups.known-recommendations";

    private final EventConsumer consumer;
    private final KnownRecommendations recommendations;

    RecommendationEventsListener(EventConsumer consumer, KnownRecommendations recommendations) {
        this.consumer = consumer;
        this.recommendations = recommendations;
    }

    @KafkaListener(topics = Topics.RECOMMENDATIONS, groupId = "groups-service")
    @Transactional
    public void on(String value) {
        consumer.consume(CONSUMER, value, RecommendationEvent.class,
                (event, envelope) -> recommendations.upsertIfNewer(event.recommendation(), event.aggregateVersion()));
    }
}
