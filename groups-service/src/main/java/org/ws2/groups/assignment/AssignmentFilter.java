package org.ws2.groups.assignment;

import java.util.List;

import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;

/**
 * What a list of assignments is narrowed to; null means "any".
 *
 * @param draftsVisibleIn the groups whose draft priorities the caller may see, so that filtering on a
 *                        priority does not reveal another group's draft; null when the caller sees every draft
 */
record AssignmentFilter(String groupId, String recommendationId, TriageState triage, Priority priority,
        Progress progress, List<String> draftsVisibleIn) {

    AssignmentFilter(String groupId, String recommendationId, TriageState triage, Priority priority,
            Progress progress) {
        this(groupId, recommendationId, triage, priority, progress, null);
    }
}
