package org.ws2.groups.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.EventFamily;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.groups.group.Group;
import org.ws2.groups.group.GroupEditing;
import org.ws2.groups.group.GroupRepository;
import org.ws2.groups.support.Authority;
import org.ws2.service.changes.ChangeEntry;
import org.ws2.service.changes.ChangeLog;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;
import org.ws2.service.security.Audience;

/**
 * The one way an assignment changes, shared by triage, sign-off, priorities, comments and progress:
 * lock it, check the caller's version, store the new state and record the change (history and event
 * on {@code ws2.assignments.v1}) through the {@link ChangeLog}, in one transaction.
 */
@Component
@RequiredArgsConstructor
class AssignmentChanges {

    private final AssignmentRepository assignments;
    private final GroupRepository groups;
    private final ChangeLog changeLog;

    /** Reads an assignment to change it, locked until the transaction ends, at the version the caller read. */
    @Transactional(propagation = Propagation.MANDATORY)
    Assignment lock(String groupId, String recommendationId, Long expectedVersion) {
        return changeLog.lock(assignments.findForUpdate(groupId, recommendationId), expectedVersion,
                () -> ApiProblem.notFound("Assignment", groupId + ":" + recommendationId));
    }

    /**
     * Reads an assignment to change it for a step only the group's editors take (a priority, a progress
     * report): the caller must be one, and may give a past {@code effectiveAt} only as support or admin.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Assignment lockForEditor(String groupId, String recommendationId, long expectedVersion, Actor actor,
            Instant effectiveAt) {
        Authority.requireEditorOf(actor, groupId);
        Authority.requireMayBackDate(actor, effectiveAt);
        return lock(groupId, recommendationId, expectedVersion);
    }

    /** When a change to {@code current} takes effect: now, or the past instant given for a past step. */
    static Instant effectiveTime(Assignment current, Instant requested) {
        return ChangeLog.effectiveTime(requested, current.updatedAt());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    <E extends AssignmentEvent> Assignment commit(Assignment after, E event, String kind, String actor, String note) {
        assignments.update(after);
        changeLog.record(event, kind, actor, note);
        return after;
    }

    /** Records the change that created {@code created} (already inserted). */
    @Transactional(propagation = Propagation.MANDATORY)
    void created(AssignmentEvent event, String actor, String note) {
        changeLog.record(event, "triaged", actor, note);
    }

    Group activeGroup(String id, String field) {
        Group group = groups.findById(id).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-group", "Unknown group", "There is no group with id '" + id + "'.").with("field", field));
        if (group.retired()) {
            throw GroupEditing.retired(id);
        }
        return group;
    }

    /**
     * Every step of {@code assignment}, with the triage state before and after it, as {@code audience} may
     * see it ({@link AssignmentHistoryEntry#visibleTo}).
     */
    List<AssignmentHistoryEntry> history(Assignment assignment, Audience audience) {
        String publishedReason = assignment.visibleTo(audience).notApplicableReason();
        List<AssignmentHistoryEntry> history = new ArrayList<>();
        String triageBefore = null;
        for (ChangeEntry entry : changeLog.history(EventFamily.ASSIGNMENTS, assignment.id())) {
            AssignmentSnapshot after = changeLog.read(entry.snapshot(), AssignmentSnapshot.class);
            String triageAfter = after.triage() == null ? null : after.triage().name();
            history.add(new AssignmentHistoryEntry(entry.version(), entry.kind(), triageBefore, triageAfter,
                    entry.actor(), entry.note(), entry.effectiveAt())
                    .visibleTo(audience, after.notApplicableReason(), publishedReason));
            triageBefore = triageAfter;
        }
        return history;
    }
}
