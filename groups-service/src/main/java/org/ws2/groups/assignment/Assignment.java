package org.ws2.groups.assignment;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ws2.contracts.assignment.AssignmentEvents.Comment;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.service.changes.Versioned;
import org.ws2.contracts.assignment.GroupStageRule;

/**
 * One group's share of one recommendation, as stored and as the API shows it. The recommendation's
 * title, topic and status come from this service's own copy of the catalogue.
 *
 * @param priorityDraft true until the group approves its priorities
 * @param version       increases with every change; the value {@code If-Match} names
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
        Instant updatedAt) implements Versioned, GroupStageRule.AssignmentState {

    public Assignment {
        comments = comments == null ? List.of() : List.copyOf(comments);
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
                progressNote, evidenceUrl, comments, version + 1, createdBy, createdAt, actor, at);
    }

    Assignment withPriority(Priority p, Effort e, Urgency u, boolean draft, String reason, String actor, Instant at) {
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, p, e, u, draft, reason, progress, progressNote, evidenceUrl, comments,
                version + 1, createdBy, createdAt, actor, at);
    }

    Assignment withProgress(Progress to, String note, String evidence, String actor, Instant at) {
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, priority, effort, urgency, priorityDraft, notApplicableReason, to, note,
                evidence, comments, version + 1, createdBy, createdAt, actor, at);
    }

    Assignment withComment(Comment comment) {
        List<Comment> thread = new java.util.ArrayList<>(comments);
        thread.add(comment);
        return new Assignment(groupId, recommendationId, recommendationTitle, topic, recommendationStatus,
                applicabilityNote, triage, priority, effort, urgency, priorityDraft, notApplicableReason, progress,
                progressNote, evidenceUrl, thread, version + 1, createdBy, createdAt, comment.author(), comment.at());
    }

    AssignmentSnapshot snapshot() {
        return new AssignmentSnapshot(id(), groupId, recommendationId, recommendationTitle, topic, applicabilityNote,
                triage, priority, effort, urgency, priorityDraft, notApplicableReason, progress, progressNote,
                evidenceUrl, comments.size(), version, createdBy, createdAt, updatedBy, updatedAt);
    }
}
