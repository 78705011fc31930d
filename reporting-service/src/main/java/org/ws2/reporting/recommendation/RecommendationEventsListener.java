package org.ws2.reporting.recommendation;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.service.events.EventConsumer;

/**
 * Keeps {@link RecommendationReadModel} in step with {@code ws2.recommendations.v1}. Every event
 * carries the recommendation's whole state, so whatever the change the row is simply replaced, and an
 * event seen before the registration (say, after the topic's retention dropped the latter) still gives
 * a complete row; the {@link EventConsumer} applies each event once, and only a newer version.
 */
@Component
class RecommendationEventsListener {

    static final String CONSUMER = "reporting.recommendation-read-model";

    private final EventConsumer consumer;
    private final RecommendationReadModel readModel;

    RecommendationEventsListener(EventConsumer consumer, RecommendationReadModel readModel) {
        this.consumer = consumer;
        this.readModel = readModel;
    }

    @KafkaListener(topics = Topics.RECOMMENDATIONS, groupId = "reporting-service")
    @Transactional
    public void on(String value) {
        consumer.consume(CONSUMER, value, RecommendationEvent.class,
                (event, envelope) -> readModel.applyIfNewer(event.recommendation(), event.aggregateVersion(),
                        envelope.time()));
    }
}
