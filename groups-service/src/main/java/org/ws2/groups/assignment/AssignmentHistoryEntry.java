package org.ws2.groups.assignment;

import java.time.Instant;

import org.ws2.service.security.Audience;

import io.swagger.v3.oas.annotations.media.Schema;

/** One step in an assignment's history, with the triage state before and after it. */
@Schema(name = "AssignmentChange") // the OpenAPI document's name for this entry, kept for generated clients
record AssignmentHistoryEntry(long version, String kind, String triageFrom, String triageTo, String actor, String note,
        Instant at) {

    /** A comment's step: its note is the comment's text and its actor the comment's author. */
    static final String COMMENTED = "commented";
    /** A group's judgement: its note is the one given, or else the not-applicable reason. */
    static final String PRIORITIZED = "prioritized";

    /**
     * The step as {@code audience} may see it (docs/visibility.md). The step itself is public; below the
     * group and support a comment's text and author are withheld (the thread is the group's and support's),
     * and so is a note that is the step's not-applicable reason unless that reason is the one the
     * assignment now publishes; anonymous readers see no actor.
     *
     * @param reasonAtStep    the not-applicable reason the assignment had after this step
     * @param publishedReason the reason the assignment shows {@code audience} now (null while unpublished)
     */
    AssignmentHistoryEntry visibleTo(Audience audience, String reasonAtStep, String publishedReason) {
        if (audience.isInsider()) {
            return this;
        }
        boolean comment = COMMENTED.equals(kind);
        boolean unpublishedReason = note != null && note.equals(reasonAtStep) && !note.equals(publishedReason);
        return new AssignmentHistoryEntry(version, kind, triageFrom, triageTo,
                audience.isSignedIn() && !comment ? actor : null, comment || unpublishedReason ? null : note, at);
    }
}
