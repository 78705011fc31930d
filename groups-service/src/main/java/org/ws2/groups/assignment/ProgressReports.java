package org.ws2.groups.assignment;

import static org.ws2.service.problem.InputRules.blankToNull;

import java.util.Objects;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.service.security.Actor;

/** How far a group has got with implementing its share of a recommendation. */
@Service
@RequiredArgsConstructor
public class ProgressReports {

    private final AssignmentChanges changes;

    @Transactional
    public Assignment report(String groupId, String recommendationId, AssignmentRequests.ReportProgress request,
            long expectedVersion, Actor actor) {
        Assignment current = changes.lockForEditor(groupId, recommendationId, expectedVersion, actor,
                request.effectiveAt());
        String note = blankToNull(request.note());
        String evidence = blankToNull(request.evidenceUrl());
        if (current.progress() == request.progress() && Objects.equals(current.progressNote(), note)
                && Objects.equals(current.evidenceUrl(), evidence)) {
            return current;
        }
        Assignment reported = current.withProgress(request.progress(), note, evidence, actor.name(),
                AssignmentChanges.effectiveTime(current, request.effectiveAt()));
        return changes.commit(reported, new AssignmentEvents.ProgressReported(groupId, recommendationId,
                reported.version(), actor.name(), reported.updatedAt(), current.progress(), reported.progress(), note,
                reported.snapshot()), "progress-reported", actor.name(), note);
    }
}
