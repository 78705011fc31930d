package org.ws2.notifications.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Vocabulary;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.contracts.assignment.AssignmentEvents.Commented;
import org.ws2.contracts.assignment.AssignmentEvents.PrioritiesApproved;
import org.ws2.contracts.assignment.AssignmentEvents.Prioritized;
import org.ws2.contracts.assignment.AssignmentEvents.ProgressReported;
import org.ws2.contracts.assignment.AssignmentEvents.ScopeChanged;
import org.ws2.contracts.assignment.AssignmentEvents.TriageChanged;
import org.ws2.contracts.assignment.AssignmentEvents.Triaged;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.notifications.group.GroupDirectory;
import org.ws2.notifications.group.GroupParticipants;
import org.ws2.notifications.group.GroupParticipants.Side;
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
@RequiredArgsConstructor
class AssignmentListener {

    /** Where the assignment's page shows its comments. */
    static final String THREAD = "#thread";

    private final Deliveries deliveries;
    private final GroupDirectory groups;
    private final PendingSignOffs pendingSignOffs;
    private final GroupParticipants participants;

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
                    editors, true, triaged.actor(), Side.SUPPORT);
        } else if (event instanceof TriageChanged change) {
            rule = triageChanged(change, envelope, group, recommendation, editors, support);
        } else if (event instanceof Prioritized prioritized) {
            rule = new Rule(NoticeKind.PRIORITIES_SET, group + " set priorities for recommendation " + recommendationId,
                    group + " set its priority, effort and urgency for " + recommendation + by(prioritized.actor())
                            + note(prioritized.note()), support, false, prioritized.actor(), Side.GROUP);
        } else if (event instanceof PrioritiesApproved approved) {
            rule = new Rule(NoticeKind.PRIORITIES_APPROVED,
                    group + " approved its priorities for recommendation " + recommendationId,
                    group + " approved its priorities for " + recommendation + by(approved.actor())
                            + note(approved.note()), support, false, approved.actor(), Side.GROUP);
        } else if (event instanceof ProgressReported progress) {
            rule = new Rule(NoticeKind.PROGRESS_REPORTED, group + " reported progress on recommendation " + recommendationId,
                    group + progressWords(progress.from(), progress.to(), recommendation) + by(progress.actor())
                            + note(progress.note()), support, false, progress.actor(), Side.GROUP);
        } else if (event instanceof ScopeChanged scope) {
            // the child groups hear of their own shares through their triaged events; support hears whom it is for
            String whom = scope.delegatedTo().isEmpty()
                    ? " is for: " + Vocabulary.words(scope.to()).toLowerCase(Locale.ROOT)
                    : " is handed down to " + String.join(", ", scope.delegatedTo());
            rule = new Rule(NoticeKind.TRIAGE_REVISED, group + ": whom recommendation " + recommendationId + " is for",
                    group + " says its share of " + recommendation + whom + by(scope.actor()) + note(scope.note()),
                    support, false, scope.actor(), Side.GROUP);
        } else if (event instanceof Commented commented) {
            String author = commented.actor();
            deliveries.tell(Happening.of(envelope, NoticeKind.ASSIGNMENT_COMMENTED,
                    "Comment on " + group + "'s recommendation " + recommendationId,
                    // not the comment's text: followers hear of it too, and the thread is the group's and support's
                    "New comment on " + group + "'s share of " + recommendation + by(author) + ".",
                    link + THREAD, recommendationId, groupId, author, topic, null, List.of(recommendationId)),
                    otherSide(groupId, author), List.of());
            return;
        } else {
            throw new IllegalStateException("An assignment event this listener does not know: " + envelope.type());
        }
        participants.acted(groupId, rule.actor(), rule.side(), envelope.time());
        deliveries.tell(Happening.of(envelope, rule.kind(), rule.subject(), rule.message(), link, recommendationId,
                groupId, rule.actor(), topic, null, List.of(recommendationId)), rule.recipients(),
                rule.emailContacts() ? groups.contactEmails(groupId) : List.of());
    }

    /**
     * Who hears of a comment: the other side of the thread, never its author. The group's side is its
     * editors (every token that makes one of them; emailed, as their subscriptions say, are those known by
     * name: who has acted on one of the group's assignments as its editor). Support's side is the support
     * staff who have acted on one of the group's assignments (triage, a sign-off request, a revision), or,
     * while none is known, every support staff member. The events do not say whose side the author is on,
     * so it is what the author has done for this group; someone not known yet tells both sides.
     */
    private Deliveries.Audience otherSide(String groupId, String author) {
        Map<Side, List<String>> known = participants.of(groupId);
        List<String> group = known.get(Side.GROUP);
        List<String> support = known.get(Side.SUPPORT);
        boolean authorOfGroup = author != null && group.contains(author);
        boolean authorOfSupport = author != null && support.contains(author);
        // an author known on one side only tells the other; one known on both, or not yet, tells both
        boolean tellGroup = !(authorOfGroup && !authorOfSupport);
        boolean tellSupport = !(authorOfSupport && !authorOfGroup);
        List<String> recipients = new ArrayList<>();
        List<String> people = new ArrayList<>();
        List<String> mailed = new ArrayList<>();
        if (tellGroup) {
            recipients.add(Recipients.groupEditors(groupId));
            mailed.addAll(group);
        }
        if (tellSupport) {
            if (support.isEmpty()) {
                recipients.add(Recipients.SUPPORT_STAFF);
            }
            people.addAll(support);
        }
        return new Deliveries.Audience(recipients, people, mailed, author);
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
                    change.actor(), Side.SUPPORT);
        }
        pendingSignOffs.answered(change.groupId(), id);
        if (to == TriageState.SIGNED_OFF) {
            return new Rule(NoticeKind.SIGNED_OFF, group + " signed off recommendation " + id,
                    group + " signed off " + recommendation + by + note, support, false, change.actor(), Side.GROUP);
        }
        if (to == TriageState.CHANGES_REQUESTED) {
            return new Rule(NoticeKind.CHANGES_REQUESTED, group + " asks for changes to recommendation " + id,
                    group + " asks for changes to the triage of " + recommendation + by + note, support, false,
                    change.actor(), Side.GROUP);
        }
        return new Rule(NoticeKind.TRIAGE_REVISED, "Triage revised: recommendation " + id,
                "Support revised the triage of " + recommendation + " for " + group + by + note, editors, false,
                change.actor(), Side.SUPPORT);
    }

    private static String by(String actor) {
        return RecommendationListener.by(actor);
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : ": " + note.strip();
    }

    /** " moved its work on recommendation 1.1 (…) from Not started to In progress", in the words of the pages. */
    static String progressWords(Progress from, Progress to, String recommendation) {
        if (from == null || from == to) {
            return " reported its work on " + recommendation + " as " + label(to);
        }
        return " moved its work on " + recommendation + " from " + label(from) + " to " + label(to);
    }

    /** As people write it: no enum constant reaches an email. */
    static String label(Progress progress) {
        if (progress == null) {
            return "an unknown stage";
        }
        return switch (progress) {
            case NOT_STARTED -> "Not started";
            case IN_PROGRESS -> "In progress";
            case IMPLEMENTED -> "Implemented";
            case NOT_APPLICABLE -> "Not applicable";
        };
    }

    /** @param side the side of the assignment's thread whoever does this is on */
    private record Rule(NoticeKind kind, String subject, String message, List<String> recipients,
            boolean emailContacts, String actor, Side side) {
    }
}
