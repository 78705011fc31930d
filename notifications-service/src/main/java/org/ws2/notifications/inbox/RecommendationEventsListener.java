package org.ws2.notifications.inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;
import org.ws2.service.events.EventConsumer;

/**
 * Turns recommendation status changes into inbox notifications. The {@link EventConsumer} handles an
 * event once, and never one older than a change already seen: telling people a recommendation moved
 * to planning after telling them it is in progress would mislead them. Registrations announce
 * nothing (seeding registers every recommendation at once and would flood the inbox), but their
 * versions still count.
 */
@Component
class RecommendationEventsListener {

    static final String CONSUMER = "notifications.inbox";

    private final EventConsumer consumer;
    private final Inbox inbox;

    RecommendationEventsListener(EventConsumer consumer, Inbox inbox) {
        this.consumer = consumer;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.RECOMMENDATIONS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        consumer.consume(CONSUMER, value, RecommendationEvent.class, (event, envelope) -> {
            if (event instanceof StatusChanged change) {
                inbox.add(envelope.id(), change.recommendationId(), NotificationKind.RECOMMENDATION_STATUS_CHANGED,
                        StatusChangeMessage.of(change), change.actor());
            }
        });
    }
}
