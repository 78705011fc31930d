package org.ws2.notifications.event;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.contracts.assignment.AssignmentEvents.Commented;
import org.ws2.contracts.assignment.AssignmentEvents.PrioritiesApproved;
import org.ws2.contracts.assignment.AssignmentEvents.Prioritized;
import org.ws2.contracts.assignment.AssignmentEvents.ProgressReported;
import org.ws2.contracts.assignment.AssignmentEvents.TriageChanged;
import org.ws2.contracts.assignment.AssignmentEvents.Triaged;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.notifications.group.GroupDirectory;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.notifications.notice.Recipients;
import org.ws2.notifications.schedule.PendingSignOffs;
import org.ws2.service.events.AppliesEvents;

/**
 * Assignment events, the heart of the WS2 workflow: support triages a recommendation to a group and
 * asks it to sign off (the group's editors and contacts hear of it); the group signs off or asks for
 * changes, sets priorities and reports progress (support staff hear of it).
 */
@Component
class AssignmentListener {

    private final Deliveries deliveries;
    private final GroupDirectory groups;
    private final PendingSignOffs pendingSignOffs;

    AssignmentListener(Deliveries deliveries, GroupDirectory groups,
            PendingSignOffs pendingSignOffs) {
        this.deliveries = deliveries;
        this.groups = groups;
        this.pendingSignOffs = pendingSignOffs;
    }

    @AppliesEvents(value = RecommendationListener.CONSUMER, internal = true)
    void tell(AssignmentEvent event, CloudEvent envelope) {
        AssignmentSnapshot assignment = event.assignment();
        String groupId = assignment.groupId();
        String recommendationId = assignment.recommendationId();
        String title = assignment.recommendationTitle();
        String topic = assignment.topic();
        String group = groups.name(groupId);
        String recommendation = "recommendation " + recommendationId
                + (title == null || title.isBlank() ? "" : " (" + StatusChangeMessage.shorten(title.strip()) + ")");
        String link = "/groups/" + groupId + "/assignments/" + recommendationId;
        List<String> editors = List.of(Recipients.groupEditors(groupId));
        List<String> support = List.of(Recipients.SUPPORT_STAFF);

        Rule rule;
        if (event instanceof Triaged triaged) {
            rule = new Rule(NoticeKind.ASSIGNMENT_TRIAGED, "Triaged to " + group + ": recommendation " + recommendationId,
                    "Support triaged " + recommendation + " to " + group + by(triaged.actor()) + note(triaged.note()),
                    editors, true, triaged.actor());
        } else if (event instanceof TriageChanged change) {
            rule = triageChanged(change, envelope, group, recommendation, editors, support);
        } else if (event instanceof Prioritized prioritized) {
            rule = new Rule(NoticeKind.PRIORITIES_SET, group + " set priorities for recommendation " + recommendationId,
                    group + " set its priority, effort and urgency for " + recommendation + by(prioritized.actor())
                            + note(prioritized.note()), support, false, prioritized.actor());
        } else if (event instanceof PrioritiesApproved approved) {
            rule = new Rule(NoticeKind.PRIORITIES_APPROVED,
                    group + " approved its priorities for recommendation " + recommendationId,
                    group + " approved its priorities for " + recommendation + by(approved.actor())
                            + note(approved.note()), support, false, approved.actor());
        } else if (event instanceof ProgressReported progress) {
            rule = new Rule(NoticeKind.PROGRESS_REPORTED, group + " reported progress on recommendation " + recommendationId,
                    group + " reported " + words(progress.to()) + " on " + recommendation + by(progress.actor())
                            + note(progress.note()), support, false, progress.actor());
        } else if (event instanceof Commented commented) {
            rule = new Rule(NoticeKind.ASSIGNMENT_COMMENTED, "Comment on " + group + "'s recommendation " + recommendationId,
                    "New comment on " + group + "'s share of " + recommendation + by(commented.actor()) + ".",
                    List.of(), false, commented.actor());
        } else {
            throw new IllegalStateException("An assignment event this listener does not know: " + envelope.type());
        }
        deliveries.tell(Happening.of(envelope, rule.kind(), rule.subject(), rule.message(), link, recommendationId,
                groupId, rule.actor(), topic, null, List.of(recommendationId)), rule.recipients(),
                rule.emailContacts() ? groups.contactEmails(groupId) : List.of());
    }

    private Rule triageChanged(TriageChanged change, CloudEvent envelope, String group, String recommendation,
            List<String> editors, List<String> support) {
        String id = change.recommendationId();
        String by = by(change.actor());
        String note = note(change.note());
        TriageState to = change.to();
        if (to == TriageState.SIGN_OFF_REQUESTED) {
            pendingSignOffs.requested(change.groupId(), id, change.assignment().recommendationTitle(),
                    envelope.time(), change.actor());
            return new Rule(NoticeKind.SIGN_OFF_REQUESTED, "Sign-off requested: recommendation " + id,
                    "Support asks " + group + " to review and sign off " + recommendation + by + note, editors, true,
                    change.actor());
        }
        pendingSignOffs.answered(change.groupId(), id);
        if (to == TriageState.SIGNED_OFF) {
            return new Rule(NoticeKind.SIGNED_OFF, group + " signed off recommendation " + id,
                    group + " signed off " + recommendation + by + note, support, false, change.actor());
        }
        if (to == TriageState.CHANGES_REQUESTED) {
            return new Rule(NoticeKind.CHANGES_REQUESTED, group + " asks for changes to recommendation " + id,
                    group + " asks for changes to the triage of " + recommendation + by + note, support, false,
                    change.actor());
        }
        return new Rule(NoticeKind.TRIAGE_REVISED, "Triage revised: recommendation " + id,
                "Support revised the triage of " + recommendation + " for " + group + by + note, editors, false,
                change.actor());
    }

    private static String by(String actor) {
        return RecommendationListener.by(actor);
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : ": " + note.strip();
    }

    private static String words(Progress progress) {
        return progress == null ? "progress" : progress.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private record Rule(NoticeKind kind, String subject, String message, List<String> recipients,
            boolean emailContacts, String actor) {
    }
}
