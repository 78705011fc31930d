package org.ws2.notifications.event;

import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.service.events.EventJson;

/** A recorded meeting, webinar or workshop reaches those subscribed to its kind or its recommendations. */
@Component
class EngagementListener {

    record AnyEngagementChange(EngagementSnapshot engagement) {
    }

    private final EventJson eventJson;
    private final Intake intake;
    private final Deliveries deliveries;

    EngagementListener(EventJson eventJson, Intake intake, Deliveries deliveries) {
        this.eventJson = eventJson;
        this.intake = intake;
        this.deliveries = deliveries;
    }

    @KafkaListener(topics = Topics.ENGAGEMENTS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        if (!event.type().startsWith("org.ws2.engagement.") || !intake.admit(event, "engagement:" + event.subject())) {
            return;
        }
        EngagementSnapshot engagement = eventJson.data(event, AnyEngagementChange.class).engagement();
        if (!EngagementEvents.RECORDED.equals(event.type()) || engagement == null) {
            return;
        }
        String kind = engagement.kind() == null ? "OTHER" : engagement.kind().name();
        List<String> recommendations = engagement.recommendationIds() == null ? List.of()
                : engagement.recommendationIds();
        String message = kindWord(kind) + " recorded: " + engagement.title()
                + (engagement.heldOn() == null ? "" : " (" + engagement.heldOn() + ")")
                + (recommendations.isEmpty() ? "" : ", about recommendations " + String.join(", ", recommendations))
                + RecommendationListener.by(engagement.createdBy()) + ".";
        deliveries.tell(Happening.of(event, NoticeKind.ENGAGEMENT_RECORDED, kindWord(kind) + ": " + engagement.title(),
                message, "/engagements/" + engagement.id(), recommendations.isEmpty() ? null : recommendations.get(0),
                null, engagement.createdBy(), null, kind, recommendations), List.of(), List.of());
    }

    private static String kindWord(String kind) {
        String words = kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
