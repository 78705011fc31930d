package org.ws2.groups.assignment;

import static org.ws2.service.problem.InputRules.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.groups.support.Authority;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

/** The sign-off workflow ({@link SignOffWorkflow}): support asks, the group signs off or asks for changes. */
@Service
@RequiredArgsConstructor
public class SignOff {

    private final AssignmentRepository assignments;
    private final AssignmentChanges changes;

    /** A step of the sign-off workflow; who may take it depends on where it goes. */
    @Transactional
    public Assignment move(String groupId, String recommendationId, AssignmentRequests.SignOffStep request,
            Long expectedVersion, Actor actor) {
        Assignment current = changes.lock(groupId, recommendationId, expectedVersion);
        if (SignOffWorkflow.isSupportStep(request.to())) {
            Authority.requireSupport(actor);
        } else {
            Authority.requireEditorOf(actor, groupId);
            if (request.applicabilityNote() != null) {
                throw ApiProblem.invalidInput("applicabilityNote",
                        "Only support staff revise the applicability note; the group answers with a note.");
            }
        }
        Authority.requireMayBackDate(actor, request.effectiveAt());
        return move(current, request.to(), blankToNull(request.note()), request.applicabilityNote(),
                actor.name(), request.effectiveAt());
    }

    /** Asks the group to review and sign off every assignment support has triaged to it. */
    @Transactional
    public List<Assignment> requestSignOff(String groupId, String note, Instant effectiveAt, Actor actor) {
        Authority.requireMayBackDate(actor, effectiveAt);
        changes.activeGroup(groupId, "groupId");
        List<Assignment> moved = new ArrayList<>();
        for (Assignment current : assignments.forGroupForUpdate(groupId, TriageState.TRIAGED, null)) {
            moved.add(move(current, TriageState.SIGN_OFF_REQUESTED, blankToNull(note), null,
                    actor.name(), effectiveAt));
        }
        return moved;
    }

    private Assignment move(Assignment current, TriageState to, String note, String applicabilityNote, String actor,
            Instant effectiveAt) {
        if (!SignOffWorkflow.allows(current.triage(), to)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "invalid-transition", "Transition not allowed",
                    "Assignment " + current.id() + " cannot move from " + current.triage() + " to " + to + ".")
                    .with("from", current.triage()).with("to", to)
                    .with("allowed", SignOffWorkflow.allowedFrom(current.triage()));
        }
        if (to == TriageState.CHANGES_REQUESTED && note == null) {
            throw ApiProblem.invalidInput("note", "Say which changes the group asks for in note.");
        }
        String newNote = applicabilityNote == null ? current.applicabilityNote()
                : blankToNull(applicabilityNote);
        Assignment moved = current.withTriage(to, newNote, actor, AssignmentChanges.effectiveTime(current, effectiveAt));
        return changes.commit(moved, new AssignmentEvents.TriageChanged(moved.groupId(), moved.recommendationId(),
                moved.version(), actor, moved.updatedAt(), current.triage(), to, note, moved.snapshot()),
                SignOffWorkflow.kind(to), actor, note);
    }
}
