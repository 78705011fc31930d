package org.ws2.groups.assignment;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ws2.contracts.assignment.AssignmentEvents.Comment;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.service.changes.Versioned;
import org.ws2.service.security.Audience;
import org.ws2.contracts.assignment.GroupStageRule;

/**
 * One group's share of one recommendation, as stored and as the API shows it. The recommendation's
 * title, topic and status come from this service's own copy of the catalogue.
 *
 * @param priorityDraft true until the group approves its priorities
 * @param version       increases with every change; the value {@code If-Match} names
 * @param scope         whom the group judges it to be for (GROUP unless it said otherwise)
 * @param delegatedTo   the child groups it handed it to, each with an assignment of its own; empty if none
 */
public record Assignment(
        String groupId,
        String recommendationId,
        String recommendationTitle,
        String topic,
        String recommendationStatus,
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
        List<Comment> comments,
        long version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        AssignmentScope scope,
        List<String> delegatedTo) implements Versioned, GroupStageRule.AssignmentState {

    public Assignment {
        comments = comments == null ? List.of() : List.copyOf(comments);
        scope = scope == null ? AssignmentScope.GROUP : scope;
        delegatedTo = delegatedTo == null ? List.of() : List.copyOf(delegatedTo);
    }

    /** Whether the group handed it to child groups: their assignments carry the work, not this one. */
    @JsonProperty("delegated")
    public boolean delegated() {
        return GroupStageRule.handedDown(this);
    }

    /** {@code <groupId>:<recommendationId>}, e.g. {@code ALAC:6.1.1}. */
    @JsonProperty("id")
    public String id() {
        return groupId + ":" + recommendationId;
    }

    /** Whether the group has a priority it has approved (a NOT_APPLICABLE judgement counts). */
    @JsonIgnore
    public boolean prioritized() {
        return priority != null && !priorityDraft;
    }

    Assignment withTriage(TriageState to, String newApplicabilityNote, String actor, Instant at) {
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                newApplicabilityNote, to, priority, effort, urgency, priorityDraft, notApplicableReason, progress,
                progressNote, evidenceUrl, comments, version + 1, createdBy, createdAt, actor, at, scope, delegatedTo);
    }

    Assignment withPriority(Priority p, Effort e, Urgency u, boolean draft, String reason, String actor, Instant at) {
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, p, e, u, draft, reason, progress, progressNote, evidenceUrl, comments,
                version + 1, createdBy, createdAt, actor, at, scope, delegatedTo);
    }

    Assignment withProgress(Progress to, String note, String evidence, String actor, Instant at) {
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, priority, effort, urgency, priorityDraft, notApplicableReason, to, note,
                evidence, comments, version + 1, createdBy, createdAt, actor, at, scope, delegatedTo);
    }

    /** Whom it is for, and the child groups it is handed to (none unless the scope is CHILDREN). */
    Assignment withScope(AssignmentScope to, List<String> children, String actor, Instant at) {
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, priority, effort, urgency, priorityDraft, notApplicableReason, progress,
                progressNote, evidenceUrl, comments, version + 1, createdBy, createdAt, actor, at, to,
                to == AssignmentScope.CHILDREN ? children : List.of());
    }

    Assignment withComment(Comment comment) {
        List<Comment> thread = new java.util.ArrayList<>(comments);
        thread.add(comment);
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, priority, effort, urgency, priorityDraft, notApplicableReason, progress,
                progressNote, evidenceUrl, thread, version + 1, createdBy, createdAt, comment.author(), comment.at(),
                scope, delegatedTo);
    }

    /**
     * The assignment as {@code audience} may see it (docs/visibility.md). Below the group and support: a
     * draft priority, effort and urgency are null (with {@code priorityDraft} still true), the
     * not-applicable reason waits for the group's sign-off and approval, and the comment thread is
     * empty; anonymous readers also see no {@code createdBy}/{@code updatedBy}, and signed-in readers no
     * {@code updatedBy} when the last step was a comment, for then it is the comment's author (issue 22).
     */
    public Assignment visibleTo(Audience audience) {
        if (audience.isInsider()) {
            return this;
        }
        boolean judgementPublished = !priorityDraft;
        boolean reasonPublished = judgementPublished && triage == TriageState.SIGNED_OFF;
        boolean names = audience.isSignedIn();
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, judgementPublished ? priority : null, judgementPublished ? effort : null,
                judgementPublished ? urgency : null, priorityDraft, reasonPublished ? notApplicableReason : null,
                progress, progressNote, evidenceUrl, List.of(), version, names ? createdBy : null, createdAt,
                names && !lastStepWasComment() ? updatedBy : null, updatedAt, scope, delegatedTo);
    }

    /**
     * Whether a comment is the last change, read from the thread because the assignment keeps no kind of
     * its last step: a comment is a step (version and time move on, as the public history shows), but its
     * author is withheld like the history's {@code commented} actor. Any comment of that author at that
     * instant counts, as two steps may share an instant; should a later step by the same person take it
     * too, its actor is withheld as well: the error is on the safe side.
     */
    private boolean lastStepWasComment() {
        return comments.stream().anyMatch(c -> c.at().equals(updatedAt) && c.author().equals(updatedBy));
    }

    AssignmentSnapshot snapshot() {
        return new AssignmentSnapshot(id(), groupId, recommendationId, recommendationTitle, topic, applicabilityNote,
                triage, priority, effort, urgency, priorityDraft, notApplicableReason, progress, progressNote,
                evidenceUrl, comments.size(), version, createdBy, createdAt, updatedBy, updatedAt, scope, delegatedTo);
    }
}
