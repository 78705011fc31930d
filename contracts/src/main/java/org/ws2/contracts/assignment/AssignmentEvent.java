package org.ws2.contracts.assignment;

import org.ws2.contracts.SnapshotEvent;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.contracts.assignment.AssignmentEvents.Commented;
import org.ws2.contracts.assignment.AssignmentEvents.PrioritiesApproved;
import org.ws2.contracts.assignment.AssignmentEvents.Prioritized;
import org.ws2.contracts.assignment.AssignmentEvents.ProgressReported;
import org.ws2.contracts.assignment.AssignmentEvents.ScopeChanged;
import org.ws2.contracts.assignment.AssignmentEvents.TriageChanged;
import org.ws2.contracts.assignment.AssignmentEvents.Triaged;

/**
 * The events on {@code ws2.assignments.v1}. The subject (and Kafka key) is the recommendation id,
 * so every group's work on one recommendation stays in order; the aggregate is the assignment
 * ({@code <groupId>:<recommendationId>}), whose version a consumer compares.
 */
public sealed interface AssignmentEvent extends SnapshotEvent<AssignmentSnapshot> permits Triaged, TriageChanged,
        Prioritized, PrioritiesApproved, Commented, ProgressReported, ScopeChanged {

    AssignmentSnapshot assignment();

    @Override
    default String subject() {
        return assignment().recommendationId();
    }

    @Override
    default String aggregateId() {
        return assignment().id();
    }

    @Override
    default AssignmentSnapshot snapshot() {
        return assignment();
    }
}
