package org.ws2.notifications.event;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Vocabulary;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.contracts.engagement.EngagementEvents.Recorded;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.service.events.AppliesEvents;

/** A recorded meeting, webinar or workshop reaches those subscribed to its kind or its recommendations. */
@Component
@RequiredArgsConstructor
class EngagementListener {

    private final Deliveries deliveries;

    @AppliesEvents(value = RecommendationListener.CONSUMER, internal = true)
    void on(EngagementEvent event, CloudEvent envelope) {
        if (event instanceof Recorded recorded) {
            tell(recorded.engagement(), envelope);
        }
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

    /** "Public comment", as every page, report and email names the kind (the contracts' one vocabulary). */
    static String kindWord(String kind) {
        return Vocabulary.words(kind);
    }
}
