package org.ws2.groups.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.Priority;
import org.ws2.groups.support.Authority;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

/** A group's priority : effort : urgency for each of its assignments, drafts until it approves them. */
@Service
public class Priorities {

    private final AssignmentRepository assignments;
    private final AssignmentChanges changes;

    Priorities(AssignmentRepository assignments, AssignmentChanges changes) {
        this.assignments = assignments;
        this.changes = changes;
    }

    @Transactional
    public Assignment prioritize(String groupId, String recommendationId, AssignmentRequests.Prioritize request,
            long expectedVersion, Actor actor) {
        Authority.requireEditorOf(actor, groupId);
        Assignment current = changes.lock(groupId, recommendationId, expectedVersion);
        boolean notApplicable = request.priority() == Priority.NOT_APPLICABLE;
        String reason = AssignmentChanges.blankToNull(request.notApplicableReason());
        if (notApplicable && reason == null) {
            throw ApiProblem.invalidInput("notApplicableReason",
                    "Say why the recommendation does not apply to " + groupId + " in notApplicableReason.");
        }
        if (!notApplicable && reason != null) {
            throw ApiProblem.invalidInput("notApplicableReason",
                    "notApplicableReason is only for a NOT_APPLICABLE priority.");
        }
        if (!notApplicable && request.effort() == null) {
            throw ApiProblem.invalidInput("effort", "Give the effort (MINIMAL, MODERATE or SIGNIFICANT).");
        }
        if (!notApplicable && request.urgency() == null) {
            throw ApiProblem.invalidInput("urgency", "Give the urgency (HIGH, MEDIUM or LOW).");
        }
        if (current.priority() == request.priority() && current.effort() == request.effort()
                && current.urgency() == request.urgency() && Objects.equals(current.notApplicableReason(), reason)) {
            return current; // the same judgement again changes nothing, and reopens no approved priority
        }
        Assignment prioritized = current.withPriority(request.priority(), request.effort(), request.urgency(), true,
                reason, actor.name(), AssignmentChanges.effectiveTime(current, request.effectiveAt()));
        String note = AssignmentChanges.blankToNull(request.note());
        return changes.commit(prioritized, new AssignmentEvents.Prioritized(groupId, recommendationId,
                prioritized.version(), actor.name(), prioritized.updatedAt(), note, prioritized.snapshot()),
                "prioritized", actor.name(), note != null ? note : reason);
    }

    /** The group approves all its draft priorities at once. */
    @Transactional
    public List<Assignment> approve(String groupId, String note, Instant effectiveAt, Actor actor) {
        Authority.requireEditorOf(actor, groupId);
        changes.activeGroup(groupId, "groupId");
        String why = AssignmentChanges.blankToNull(note);
        List<Assignment> approved = new ArrayList<>();
        for (Assignment current : assignments.forGroupForUpdate(groupId, null, true)) {
            Assignment done = current.withPriority(current.priority(), current.effort(), current.urgency(), false,
                    current.notApplicableReason(), actor.name(), AssignmentChanges.effectiveTime(current, effectiveAt));
            approved.add(changes.commit(done, new AssignmentEvents.PrioritiesApproved(groupId, done.recommendationId(),
                    done.version(), actor.name(), done.updatedAt(), why, done.snapshot()), "priorities-approved",
                    actor.name(), why));
        }
        return approved;
    }
}
