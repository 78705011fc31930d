package org.ws2.notifications.event;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationEvents.CoordinationFlagSet;
import org.ws2.contracts.recommendation.RecommendationEvents.EvidenceAdded;
import org.ws2.contracts.recommendation.RecommendationEvents.Registered;
import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.notifications.group.GroupDirectory;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.service.events.AppliesEvents;

/**
 * Recommendation events reach the recommendation's followers; a coordination flag raised or changed
 * also reaches SO/AC leadership by email. A registration tells nobody: seeding registers the whole
 * catalogue at once (its version still counts, so that a stale change after it is recognised).
 */
@Component
@RequiredArgsConstructor
class RecommendationListener {

    static final String CONSUMER = "notifications";

    private final Deliveries deliveries;
    private final GroupDirectory groups;

    @AppliesEvents(value = CONSUMER, internal = true)
    void tell(RecommendationEvent event, CloudEvent envelope) {
        if (event instanceof Registered) {
            return;
        }
        RecommendationSnapshot recommendation = event.recommendation();
        String id = recommendation.id();
        String title = recommendation.title();
        String topic = recommendation.topic();
        String link = "/recommendations/" + id;
        String name = "Recommendation " + id
                + (title == null || title.isBlank() ? "" : " (" + StatusChangeMessage.shorten(title.strip()) + ")");
        if (event instanceof StatusChanged change) {
            deliveries.tell(Happening.of(envelope, NoticeKind.RECOMMENDATION_STATUS_CHANGED,
                    "Recommendation " + id + " is now " + StatusChangeMessage.label(change.to()),
                    StatusChangeMessage.of(change), link, id, null, change.actor(), topic, null, List.of(id)),
                    List.of(), List.of());
        } else if (event instanceof EvidenceAdded added) {
            String evidence = added.evidence() == null ? "evidence" : "\"" + added.evidence().title() + "\"";
            deliveries.tell(Happening.of(envelope, NoticeKind.EVIDENCE_ADDED, "Evidence added to recommendation " + id,
                    name + ": " + evidence + " was added as evidence of implementation" + by(added.actor()) + ".",
                    link, id, null, added.actor(), topic, null, List.of(id)), List.of(), List.of());
        } else if (event instanceof CoordinationFlagSet flag) {
            String message = name + " " + coordination(flag.from(), flag.to()) + by(flag.actor())
                    + (flag.rationale() == null || flag.rationale().isBlank() ? "." : ": " + flag.rationale().strip());
            deliveries.tell(Happening.of(envelope, NoticeKind.COORDINATION_FLAG_SET,
                    "Community coordination: recommendation " + id, message, link, id, null, flag.actor(), topic,
                    null, List.of(id)), List.of(), groups.leadershipEmails());
        } else {
            deliveries.tell(Happening.of(envelope, NoticeKind.RECOMMENDATION_CHANGED,
                    "Recommendation " + id + " changed", name + ": " + typeWords(envelope.type()) + ".", link, id, null,
                    null, topic, null, List.of(id)), List.of(), List.of());
        }
    }

    static String coordination(CoordinationLevel from, CoordinationLevel to) {
        if (to == null || to == CoordinationLevel.NONE) {
            return "no longer calls for SO/AC community coordination and prioritization";
        }
        String level = to == CoordinationLevel.REQUIRED ? "requires" : "would benefit from";
        return (from == null || from == CoordinationLevel.NONE ? "was flagged: it " : "was re-flagged: it now ")
                + level + " SO/AC community coordination and prioritization";
    }

    static String by(String actor) {
        return actor == null || actor.isBlank() ? "" : " by " + actor.strip();
    }

    /** "org.ws2.recommendation.details-updated.v1" → "details updated". */
    static String typeWords(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2].replace('-', ' ') : type;
    }
}
