package org.ws2.groups.assignment;

import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;

/** What a list of assignments is narrowed to; null means "any". */
record AssignmentFilter(String groupId, String recommendationId, TriageState triage, Priority priority,
        Progress progress) {
}
