package org.ws2.contracts.assignment;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.AggregateSnapshot;
import org.ws2.contracts.EventType;

/**
 * The events on {@code ws2.assignments.v1}. An assignment is one group's share of one
 * recommendation, identified by the pair (group id, recommendation id). Records are keyed by the
 * <em>recommendation</em> id (the CloudEvent's {@code subject}), so that every group's work on one
 * recommendation stays in order; {@code aggregateversion} is the assignment's own version, so a
 * consumer compares it per (group id, recommendation id). Each event carries the assignment's
 * whole state ({@link AssignmentSnapshot}).
 */
public final class AssignmentEvents {

    public static final String SOURCE = "/ws2/groups-service";

    public static final String TRIAGED = "org.ws2.assignment.triaged.v1";
    public static final String TRIAGE_CHANGED = "org.ws2.assignment.triage-changed.v1";
    public static final String PRIORITIZED = "org.ws2.assignment.prioritized.v1";
    public static final String PRIORITIES_APPROVED = "org.ws2.assignment.priorities-approved.v1";
    public static final String COMMENTED = "org.ws2.assignment.commented.v1";
    public static final String PROGRESS_REPORTED = "org.ws2.assignment.progress-reported.v1";
    public static final String SCOPE_CHANGED = "org.ws2.assignment.scope-changed.v1";

    /**
     * One comment in an assignment's thread.
     *
     * @param replyTo the id of the comment this answers, or null at the top of a thread
     */
    public record Comment(String id, String author, Instant at, String text, String replyTo) {
    }

    /**
     * An assignment's whole state after a change.
     *
     * @param id                  {@code <groupId>:<recommendationId>}
     * @param applicabilityNote   support's note on how the recommendation applies to the group
     * @param priorityDraft       true until the group approves its priorities
     * @param notApplicableReason why the group judged the recommendation not applicable, or null
     * @param commentCount        the length of the comment thread; the thread is not in the snapshot, so that
     *                            an event stays small however long the thread grows
     * @param scope               whom the group judges it to be for; {@link AssignmentScope#GROUP} when an
     *                            older event does not say (the field is optional on the topic)
     * @param delegatedTo         the child groups the group handed it to (each has its own assignment), in the
     *                            order handed; empty when not handed down. Bounded by the group's children
     */
    public record AssignmentSnapshot(
            String id,
            String groupId,
            String recommendationId,
            String recommendationTitle,
            String topic,
            String applicabilityNote,
            TriageState triage,
            Priority priority,
            Effort effort,
            Urgency urgency,
            boolean priorityDraft,
            String notApplicableReason,
            Progress progress,
            String progressNote,
            String evidenceUrl,
            int commentCount,
            long version,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt,
            AssignmentScope scope,
            List<String> delegatedTo) implements AggregateSnapshot {

        public AssignmentSnapshot {
            scope = scope == null ? AssignmentScope.GROUP : scope;
            delegatedTo = delegatedTo == null ? List.of() : List.copyOf(delegatedTo);
        }

        /** A snapshot of an assignment that is the group's own (no scope said, nothing handed down). */
        public AssignmentSnapshot(String id, String groupId, String recommendationId, String recommendationTitle,
                String topic, String applicabilityNote, TriageState triage, Priority priority, Effort effort,
                Urgency urgency, boolean priorityDraft, String notApplicableReason, Progress progress,
                String progressNote, String evidenceUrl, int commentCount, long version, String createdBy,
                Instant createdAt, String updatedBy, Instant updatedAt) {
            this(id, groupId, recommendationId, recommendationTitle, topic, applicabilityNote, triage, priority,
                    effort, urgency, priorityDraft, notApplicableReason, progress, progressNote, evidenceUrl,
                    commentCount, version, createdBy, createdAt, updatedBy, updatedAt, AssignmentScope.GROUP,
                    List.of());
        }
    }

    /** Support triaged the recommendation to the group (one by one or in bulk). */
    @EventType(TRIAGED)
    public record Triaged(String groupId, String recommendationId, long version, String actor, Instant changedAt,
            String note, AssignmentSnapshot assignment) implements AssignmentEvent {
    }

    /** Sign-off was requested, given or refused (changes requested), or support revised the triage. */
    @EventType(TRIAGE_CHANGED)
    public record TriageChanged(String groupId, String recommendationId, long version, String actor,
            Instant changedAt, TriageState from, TriageState to, String note, AssignmentSnapshot assignment) implements AssignmentEvent {
    }

    /** The group set (or changed) its priority, effort and urgency; a draft until approved. */
    @EventType(PRIORITIZED)
    public record Prioritized(String groupId, String recommendationId, long version, String actor,
            Instant changedAt, String note, AssignmentSnapshot assignment) implements AssignmentEvent {
    }

    /** The group approved its draft priorities; the assignment's priority is no longer a draft. */
    @EventType(PRIORITIES_APPROVED)
    public record PrioritiesApproved(String groupId, String recommendationId, long version, String actor,
            Instant changedAt, String note, AssignmentSnapshot assignment) implements AssignmentEvent {
    }

    /** Someone commented on the assignment: the event carries the new comment only, never the thread. */
    @EventType(COMMENTED)
    public record Commented(String groupId, String recommendationId, long version, String actor,
            Instant changedAt, Comment comment, AssignmentSnapshot assignment) implements AssignmentEvent {
    }

    /** The group reported how far it has got with implementing its share. */
    @EventType(PROGRESS_REPORTED)
    public record ProgressReported(String groupId, String recommendationId, long version, String actor,
            Instant changedAt, Progress from, Progress to, String note, AssignmentSnapshot assignment) implements AssignmentEvent {
    }

    /**
     * The group said whom the assignment is for ({@code from} → {@code to}), or handed it to child groups
     * ({@code to} = CHILDREN with {@code delegatedTo}; each child's own assignment is triaged with an event of its
     * own, so this event never stands for the children's work).
     *
     * @param delegatedTo the child groups it is handed to, empty when it was not handed down
     */
    @EventType(SCOPE_CHANGED)
    public record ScopeChanged(String groupId, String recommendationId, long version, String actor,
            Instant changedAt, AssignmentScope from, AssignmentScope to, List<String> delegatedTo, String note,
            AssignmentSnapshot assignment) implements AssignmentEvent {

        public ScopeChanged {
            delegatedTo = delegatedTo == null ? List.of() : List.copyOf(delegatedTo);
        }
    }

    private AssignmentEvents() {
    }
}
