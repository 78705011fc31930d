package org.ws2.groups.assignment;

import static org.ws2.service.problem.InputRules.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.Priority;
import org.ws2.groups.support.Authority;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

/** A group's priority : effort : urgency for each of its assignments, drafts until it approves them. */
@Service
@RequiredArgsConstructor
public class Priorities {

    private final AssignmentRepository assignments;
    private final AssignmentChanges changes;

    @Transactional
    public Assignment prioritize(String groupId, String recommendationId, AssignmentRequests.Prioritize request,
            long expectedVersion, Actor actor) {
        Assignment current = changes.lockForEditor(groupId, recommendationId, expectedVersion, actor,
                request.effectiveAt());
        boolean notApplicable = request.priority() == Priority.NOT_APPLICABLE;
        String reason = blankToNull(request.notApplicableReason());
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
        String note = blankToNull(request.note());
        return changes.commit(prioritized, new AssignmentEvents.Prioritized(groupId, recommendationId,
                prioritized.version(), actor.name(), prioritized.updatedAt(), note, prioritized.snapshot()),
                AssignmentHistoryEntry.PRIORITIZED, actor.name(), note != null ? note : reason);
    }

    /**
     * The group approves the drafts it names, each at the version the approver read: all of them or, when
     * one is unknown, stale or no draft, none. Drafts it does not name stay drafts.
     */
    @Transactional
    public List<Assignment> approve(String groupId, List<AssignmentRequests.Approved> named, String note,
            Instant effectiveAt, Actor actor) {
        Authority.requireEditorOf(actor, groupId);
        Authority.requireMayBackDate(actor, effectiveAt);
        if (named == null || named.isEmpty()) {
            throw ApiProblem.invalidInput("approve",
                    "Name the drafts you approve in approve, each with the version you read: "
                            + "[{\"recommendationId\":\"6.1.1\",\"version\":3}].");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            if (!seen.add(named.get(i).recommendationId())) {
                throw ApiProblem.invalidInput("approve[" + i + "].recommendationId",
                        named.get(i).recommendationId() + " is named twice in approve.");
            }
        }
        changes.activeGroup(groupId, "groupId");
        // every assignment of the group, locked in one order, so that two approvals never deadlock
        Map<String, Assignment> locked = new LinkedHashMap<>();
        assignments.forGroupForUpdate(groupId, null, null).forEach(a -> locked.put(a.recommendationId(), a));
        List<String> stale = new ArrayList<>();
        Assignment firstStale = null;
        for (int i = 0; i < named.size(); i++) {
            AssignmentRequests.Approved approved = named.get(i);
            Assignment current = locked.get(approved.recommendationId());
            if (current == null) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-assignment", "Unknown assignment",
                        groupId + " has no assignment of recommendation " + approved.recommendationId() + ".")
                        .with("field", "approve[" + i + "].recommendationId")
                        .with("recommendationId", approved.recommendationId());
            }
            if (current.version() != approved.version()) {
                stale.add(approved.recommendationId() + " is at version " + current.version() + ", not "
                        + approved.version());
                firstStale = firstStale == null ? current : firstStale;
            }
        }
        if (firstStale != null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                    "Changed since you read it: " + String.join("; ", stale) + ". Nothing was approved; read the "
                            + "group's drafts again and name the versions you approve.")
                    .with("recommendationId", firstStale.recommendationId())
                    .with("currentVersion", firstStale.version());
        }
        for (AssignmentRequests.Approved approved : named) {
            Assignment current = locked.get(approved.recommendationId());
            if (current.priority() == null || !current.priorityDraft()) {
                throw new ApiProblem(HttpStatus.CONFLICT, "not-a-draft", "Not a draft priority",
                        approved.recommendationId() + (current.priority() == null ? " has no priority to approve."
                                : " has its priority approved already; only a draft is approved."))
                        .with("recommendationId", approved.recommendationId());
            }
        }
        String why = blankToNull(note);
        List<Assignment> approved = new ArrayList<>();
        for (Assignment current : locked.values()) {
            if (!seen.contains(current.recommendationId())) {
                continue;
            }
            Assignment done = current.withPriority(current.priority(), current.effort(), current.urgency(), false,
                    current.notApplicableReason(), actor.name(), AssignmentChanges.effectiveTime(current, effectiveAt));
            approved.add(changes.commit(done, new AssignmentEvents.PrioritiesApproved(groupId, done.recommendationId(),
                    done.version(), actor.name(), done.updatedAt(), why, done.snapshot()), "priorities-approved",
                    actor.name(), why));
        }
        return approved;
    }
}
