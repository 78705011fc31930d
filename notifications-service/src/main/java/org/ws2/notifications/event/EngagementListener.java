package org.ws2.notifications.event;

import java.util.List;
import java.util.Locale;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.contracts.engagement.EngagementEvents.Recorded;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.service.events.EventConsumer;

/** A recorded meeting, webinar or workshop reaches those subscribed to its kind or its recommendations. */
@Component
class EngagementListener {

    private final EventConsumer consumer;
    private final Deliveries deliveries;

    EngagementListener(EventConsumer consumer, Deliveries deliveries) {
        this.consumer = consumer;
        this.deliveries = deliveries;
    }

    @KafkaListener(topics = Topics.ENGAGEMENTS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        consumer.consume(RecommendationListener.CONSUMER, value, EngagementEvent.class, (event, envelope) -> {
            if (event instanceof Recorded recorded) {
                tell(recorded.engagement(), envelope);
            }
        });
    }

    private void tell(EngagementSnapshot engagement, CloudEvent envelope) {
        String kind = engagement.kind() == null ? "OTHER" : engagement.kind().name();
        List<String> recommendations = engagement.recommendationIds() == null ? List.of()
                : engagement.recommendationIds();
        String message = kindWord(kind) + " recorded: " + engagement.title()
                + (engagement.heldOn() == null ? "" : " (" + engagement.heldOn() + ")")
                + (recommendations.isEmpty() ? "" : ", about recommendations " + String.join(", ", recommendations))
                + RecommendationListener.by(engagement.createdBy()) + ".";
        deliveries.tell(Happening.of(envelope, NoticeKind.ENGAGEMENT_RECORDED, kindWord(kind) + ": " + engagement.title(),
                message, "/engagements/" + engagement.id(), recommendations.isEmpty() ? null : recommendations.get(0),
                null, engagement.createdBy(), null, kind, recommendations), List.of(), List.of());
    }

    private static String kindWord(String kind) {
        String words = kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
