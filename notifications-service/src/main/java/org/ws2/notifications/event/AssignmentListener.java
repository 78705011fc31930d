package org.ws2.notifications.event;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.contracts.assignment.AssignmentEvents.ProgressReported;
import org.ws2.contracts.assignment.AssignmentEvents.TriageChanged;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.notifications.notice.Audiences;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.notifications.schedule.PendingSignOffs;
import org.ws2.service.events.EventJson;

/**
 * Assignment events, the heart of the WS2 workflow: support triages a recommendation to a group and
 * asks it to sign off (the group's editors and contacts hear of it); the group signs off or asks for
 * changes, sets priorities and reports progress (support staff hear of it).
 */
@Component
class AssignmentListener {

    private static final Logger log = LoggerFactory.getLogger(AssignmentListener.class);

    /** What every assignment event carries. */
    record AnyAssignmentChange(String groupId, String recommendationId, String actor, String note,
            AssignmentSnapshot assignment) {
    }

    private final EventJson eventJson;
    private final Intake intake;
    private final Deliveries deliveries;
    private final GroupDirectory groups;
    private final PendingSignOffs pendingSignOffs;

    AssignmentListener(EventJson eventJson, Intake intake, Deliveries deliveries, GroupDirectory groups,
            PendingSignOffs pendingSignOffs) {
        this.eventJson = eventJson;
        this.intake = intake;
        this.deliveries = deliveries;
        this.groups = groups;
        this.pendingSignOffs = pendingSignOffs;
    }

    @KafkaListener(topics = Topics.ASSIGNMENTS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        if (!event.type().startsWith("org.ws2.assignment.")) {
            log.debug("Skipping event {} of type {}, which this service does not know", event.id(), event.type());
            return;
        }
        AnyAssignmentChange change = eventJson.data(event, AnyAssignmentChange.class);
        String groupId = change.groupId();
        String recommendationId = change.recommendationId();
        if (!intake.admit(event, "assignment:" + groupId + ":" + recommendationId)) {
            return;
        }
        AssignmentSnapshot assignment = change.assignment();
        String title = assignment == null ? null : assignment.recommendationTitle();
        String topic = assignment == null ? null : assignment.topic();
        String group = groups.name(groupId);
        String recommendation = "recommendation " + recommendationId
                + (title == null || title.isBlank() ? "" : " (" + StatusChangeMessage.shorten(title.strip()) + ")");
        String note = change.note() == null || change.note().isBlank() ? "" : ": " + change.note().strip();
        String by = RecommendationListener.by(change.actor());
        String link = "/groups/" + groupId + "/assignments/" + recommendationId;
        List<String> editors = List.of(Audiences.groupEditors(groupId));
        List<String> support = List.of(Audiences.SUPPORT_STAFF);

        Rule rule = switch (event.type()) {
            case AssignmentEvents.TRIAGED -> new Rule(NoticeKind.ASSIGNMENT_TRIAGED,
                    "Triaged to " + group + ": recommendation " + recommendationId,
                    "Support triaged " + recommendation + " to " + group + by + note, editors, true);
            case AssignmentEvents.TRIAGE_CHANGED -> triageChanged(eventJson.data(event, TriageChanged.class), event,
                    group, recommendation, by, note, editors, support);
            case AssignmentEvents.PRIORITIZED -> new Rule(NoticeKind.PRIORITIES_SET,
                    group + " set priorities for recommendation " + recommendationId,
                    group + " set its priority, effort and urgency for " + recommendation + by + note, support, false);
            case AssignmentEvents.PRIORITIES_APPROVED -> new Rule(NoticeKind.PRIORITIES_APPROVED,
                    group + " approved its priorities for recommendation " + recommendationId,
                    group + " approved its priorities for " + recommendation + by + note, support, false);
            case AssignmentEvents.PROGRESS_REPORTED -> {
                ProgressReported progress = eventJson.data(event, ProgressReported.class);
                yield new Rule(NoticeKind.PROGRESS_REPORTED,
                        group + " reported progress on recommendation " + recommendationId,
                        group + " reported " + words(progress.to()) + " on " + recommendation + by + note, support,
                        false);
            }
            case AssignmentEvents.COMMENTED -> new Rule(NoticeKind.ASSIGNMENT_COMMENTED,
                    "Comment on " + group + "'s recommendation " + recommendationId,
                    "New comment on " + group + "'s share of " + recommendation + by + ".", List.of(), false);
            default -> new Rule(NoticeKind.RECOMMENDATION_CHANGED, group + "'s recommendation " + recommendationId
                    + " changed", group + "'s share of " + recommendation + ": "
                    + RecommendationListener.typeWords(event.type()) + ".", List.of(), false);
        };
        deliveries.tell(Happening.of(event, rule.kind(), rule.subject(), rule.message(), link, recommendationId,
                groupId, change.actor(), topic, null, List.of(recommendationId)), rule.audiences(),
                rule.emailContacts() ? groups.contactEmails(groupId) : List.of());
    }

    private Rule triageChanged(TriageChanged change, CloudEvent event, String group, String recommendation,
            String by, String note, List<String> editors, List<String> support) {
        String id = change.recommendationId();
        TriageState to = change.to();
        if (to == TriageState.SIGN_OFF_REQUESTED) {
            pendingSignOffs.requested(change.groupId(), id,
                    change.assignment() == null ? null : change.assignment().recommendationTitle(), event.time(),
                    change.actor());
            return new Rule(NoticeKind.SIGN_OFF_REQUESTED, "Sign-off requested: recommendation " + id,
                    "Support asks " + group + " to review and sign off " + recommendation + by + note, editors, true);
        }
        pendingSignOffs.answered(change.groupId(), id);
        if (to == TriageState.SIGNED_OFF) {
            return new Rule(NoticeKind.SIGNED_OFF, group + " signed off recommendation " + id,
                    group + " signed off " + recommendation + by + note, support, false);
        }
        if (to == TriageState.CHANGES_REQUESTED) {
            return new Rule(NoticeKind.CHANGES_REQUESTED, group + " asks for changes to recommendation " + id,
                    group + " asks for changes to the triage of " + recommendation + by + note, support, false);
        }
        return new Rule(NoticeKind.TRIAGE_REVISED, "Triage revised: recommendation " + id,
                "Support revised the triage of " + recommendation + " for " + group + by + note, editors, false);
    }

    private static String words(org.ws2.contracts.assignment.Progress progress) {
        return progress == null ? "progress" : progress.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private record Rule(NoticeKind kind, String subject, String message, List<String> audiences,
            boolean emailContacts) {
    }
}
