package org.ws2.groups.assignment;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.AssignmentEvents.Comment;
import org.ws2.groups.support.Authority;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

/**
 * The conversation between support and a group on an assignment. Each comment is a change of the
 * assignment, and its event carries that comment alone: the thread grows without bound, the event may not.
 */
@Service
@RequiredArgsConstructor
public class AssignmentComments {

    private final AssignmentRepository assignments;
    private final AssignmentChanges changes;

    /** A reply names the comment it answers. */
    @Transactional
    public Comment comment(String groupId, String recommendationId, AssignmentRequests.Comment request,
            Long expectedVersion, Actor actor) {
        Authority.requireSupportOrEditorOf(actor, groupId);
        Assignment current = changes.lock(groupId, recommendationId, expectedVersion);
        if (request.replyTo() != null
                && current.comments().stream().noneMatch(c -> c.id().equalsIgnoreCase(request.replyTo()))) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-comment", "Unknown comment",
                    "Assignment " + current.id() + " has no comment " + request.replyTo() + " to reply to.")
                    .with("field", "replyTo");
        }
        Comment comment = new Comment(UUID.randomUUID().toString(), actor.name(),
                AssignmentChanges.effectiveTime(current, null), request.text().strip(),
                request.replyTo() == null ? null : request.replyTo().toLowerCase());
        Assignment commented = current.withComment(comment);
        assignments.addComment(groupId, recommendationId, comment);
        changes.commit(commented, new AssignmentEvents.Commented(groupId, recommendationId, commented.version(),
                actor.name(), comment.at(), comment, commented.snapshot()), AssignmentHistoryEntry.COMMENTED,
                actor.name(), comment.text());
        return comment;
    }

}
