package org.ws2.notifications.event;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationEvents.AnyChange;
import org.ws2.contracts.recommendation.RecommendationEvents.CoordinationFlagSet;
import org.ws2.contracts.recommendation.RecommendationEvents.EvidenceAdded;
import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.service.events.EventJson;

/**
 * Recommendation events reach the recommendation's followers; a coordination flag raised or changed
 * also reaches SO/AC leadership by email. A registration tells nobody: seeding registers the whole
 * catalogue at once.
 */
@Component
class RecommendationListener {

    private static final Logger log = LoggerFactory.getLogger(RecommendationListener.class);

    private final EventJson eventJson;
    private final Intake intake;
    private final Deliveries deliveries;
    private final GroupDirectory groups;

    RecommendationListener(EventJson eventJson, Intake intake, Deliveries deliveries, GroupDirectory groups) {
        this.eventJson = eventJson;
        this.intake = intake;
        this.deliveries = deliveries;
        this.groups = groups;
    }

    @KafkaListener(topics = Topics.RECOMMENDATIONS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        if (!event.type().startsWith("org.ws2.recommendation.")) {
            // Not recorded as processed, so that a later version that knows the type still gets it on replay.
            log.debug("Skipping event {} of type {}, which this service does not know", event.id(), event.type());
            return;
        }
        if (!intake.admit(event, "recommendation:" + event.subject())) {
            return;
        }
        RecommendationSnapshot recommendation = eventJson.data(event, AnyChange.class).recommendation();
        String id = event.subject();
        String title = recommendation == null ? null : recommendation.title();
        String topic = recommendation == null ? null : recommendation.topic();
        String link = "/recommendations/" + id;
        String name = "Recommendation " + id + (title == null || title.isBlank() ? "" : " (" + StatusChangeMessage.shorten(title.strip()) + ")");
        switch (event.type()) {
            case RecommendationEvents.REGISTERED -> {
                // Its version counts (above), so that a stale change after it is recognised; nobody is told.
            }
            case RecommendationEvents.STATUS_CHANGED -> {
                StatusChanged change = eventJson.data(event, StatusChanged.class);
                deliveries.tell(Happening.of(event, NoticeKind.RECOMMENDATION_STATUS_CHANGED,
                        "Recommendation " + id + " is now " + StatusChangeMessage.label(change.to()),
                        StatusChangeMessage.of(change), link, id, null, change.actor(), topic, null, List.of(id)),
                        List.of(), List.of());
            }
            case RecommendationEvents.EVIDENCE_ADDED -> {
                EvidenceAdded added = eventJson.data(event, EvidenceAdded.class);
                String evidence = added.evidence() == null ? "evidence" : "\"" + added.evidence().title() + "\"";
                deliveries.tell(Happening.of(event, NoticeKind.EVIDENCE_ADDED,
                        "Evidence added to recommendation " + id,
                        name + ": " + evidence + " was added as evidence of implementation"
                                + by(added.actor()) + ".",
                        link, id, null, added.actor(), topic, null, List.of(id)), List.of(), List.of());
            }
            case RecommendationEvents.COORDINATION_FLAG_SET -> {
                CoordinationFlagSet flag = eventJson.data(event, CoordinationFlagSet.class);
                String message = name + " " + coordination(flag.from(), flag.to()) + by(flag.actor())
                        + (flag.rationale() == null || flag.rationale().isBlank() ? "." : ": " + flag.rationale().strip());
                deliveries.tell(Happening.of(event, NoticeKind.COORDINATION_FLAG_SET,
                        "Community coordination: recommendation " + id, message, link, id, null, flag.actor(), topic,
                        null, List.of(id)), List.of(), groups.leadershipEmails());
            }
            default -> deliveries.tell(Happening.of(event, NoticeKind.RECOMMENDATION_CHANGED,
                    "Recommendation " + id + " changed", name + ": " + typeWords(event.type()) + ".", link, id, null,
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
