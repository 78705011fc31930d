package org.ws2.groups.assignment;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One step in an assignment's history, with the triage state before and after it. */
@Schema(name = "AssignmentChange") // the OpenAPI document's name for this entry, kept for generated clients
record AssignmentHistoryEntry(long version, String kind, String triageFrom, String triageTo, String actor, String note,
        Instant at) {

    /** The entry as an anonymous reader sees it: who took the step is for signed-in readers. */
    AssignmentHistoryEntry withoutActor() {
        return new AssignmentHistoryEntry(version, kind, triageFrom, triageTo, null, note, at);
    }
}
