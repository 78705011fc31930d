package org.ws2.groups.assignment;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.assignment.AssignmentEvents.Comment;
import org.ws2.groups.group.Group;
import org.ws2.groups.group.GroupRepository;
import org.ws2.service.security.RoleRules;
import org.ws2.service.versioning.Versions;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;
import org.ws2.service.security.Audience;
import org.ws2.groups.support.Authority;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One group's assignments, addressed as {@code /api/groups/{groupId}/assignments/{recommendationId}}. */
@RestController
@RequestMapping("/api/groups/{groupId}")
@Tag(name = "Assignments")
class GroupAssignmentController {

    private final AssignmentRepository repository;
    private final SignOff signOff;
    private final Priorities priorities;
    private final ProgressReports progressReports;
    private final AssignmentComments comments;
    private final AssignmentChanges changes;
    private final GroupRepository groups;
    private final Delegation delegation;

    GroupAssignmentController(AssignmentRepository repository, SignOff signOff, Priorities priorities,
            ProgressReports progressReports, AssignmentComments comments, AssignmentChanges changes,
            GroupRepository groups, Delegation delegation) {
        this.delegation = delegation;
        this.repository = repository;
        this.signOff = signOff;
        this.priorities = priorities;
        this.progressReports = progressReports;
        this.comments = comments;
        this.changes = changes;
        this.groups = groups;
    }

    @GetMapping("/assignments/{recommendationId}")
    @Operation(summary = "One assignment; its ETag is the version If-Match names. Draft priority, effort and urgency "
            + "(null, with priorityDraft true), the not-applicable reason before sign-off and the comments are shown "
            + "to support staff, admins and the group's editors only; createdBy/updatedBy to signed-in callers "
            + "(updatedBy after a comment, its author, only to those who may read the comments)")
    ResponseEntity<Assignment> get(@PathVariable String groupId, @PathVariable String recommendationId) {
        return ok(find(groupId, recommendationId).visibleTo(Audience.forGroup(groupId)));
    }

    @GetMapping("/assignments/{recommendationId}/history")
    @Operation(summary = "Every step of the assignment: who (signed-in callers only), when, what and why. A comment's "
            + "text and author, and a not-applicable reason not yet published, only for support staff, admins and "
            + "the group's editors (others see the step with a null note)")
    List<AssignmentHistoryEntry> history(@PathVariable String groupId, @PathVariable String recommendationId) {
        return changes.history(find(groupId, recommendationId), Audience.forGroup(groupId));
    }

    @PostMapping("/assignments/{recommendationId}/triage")
    @PreAuthorize(RoleRules.ANY_WRITER)
    @Operation(operationId = "triage", // the published operation id, kept for generated clients
            summary = "A sign-off step: support requests sign-off (SIGN_OFF_REQUESTED) or revises (TRIAGED); "
            + "the group's editors sign off (SIGNED_OFF) or request changes (CHANGES_REQUESTED, with a note)")
    ResponseEntity<Assignment> signOffStep(@PathVariable String groupId, @PathVariable String recommendationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssignmentRequests.SignOffStep request) {
        return ok(signOff.move(groupId, recommendationId, request, Versions.fromIfMatch(ifMatch),
                Actor.current()));
    }

    @PutMapping("/assignments/{recommendationId}/priority")
    @PreAuthorize(RoleRules.GROUP_EDITORS)
    @Operation(summary = "The group's priority, effort and urgency (a draft until approved); needs If-Match (group editors)")
    ResponseEntity<Assignment> prioritize(@PathVariable String groupId, @PathVariable String recommendationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssignmentRequests.Prioritize request) {
        return ok(priorities.prioritize(groupId, recommendationId, request, Versions.requireIfMatch(ifMatch),
                Actor.current()));
    }

    @PutMapping("/assignments/{recommendationId}/progress")
    @PreAuthorize(RoleRules.GROUP_EDITORS)
    @Operation(summary = "The group's implementation progress, with a note and an evidence link; needs If-Match (group editors)")
    ResponseEntity<Assignment> progress(@PathVariable String groupId, @PathVariable String recommendationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssignmentRequests.ReportProgress request) {
        return ok(progressReports.report(groupId, recommendationId, request, Versions.requireIfMatch(ifMatch),
                Actor.current()));
    }

    @PutMapping("/assignments/{recommendationId}/scope")
    @PreAuthorize(RoleRules.ANY_WRITER)
    @Operation(summary = "Whom the assignment is for: the group itself (GROUP), its child groups (CHILDREN) or the "
            + "community as a whole (COMMUNITY); needs If-Match (the group's editors, support staff)",
            description = "Body: {\"scope\":\"COMMUNITY\", \"note\", \"effectiveAt\"}. Any scope but CHILDREN takes back "
                    + "a share handed down (delegatedTo is emptied; the children keep their own assignments). The same "
                    + "scope again changes nothing. An unknown scope is a 400 problem naming the field; nothing changes.")
    ResponseEntity<Assignment> scope(@PathVariable String groupId, @PathVariable String recommendationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssignmentRequests.SetScope request) {
        return ok(delegation.setScope(groupId, recommendationId, request, Versions.requireIfMatch(ifMatch),
                Actor.current()));
    }

    @PostMapping("/assignments/{recommendationId}/delegation")
    @PreAuthorize(RoleRules.ANY_WRITER)
    @Operation(summary = "Hand the recommendation down to child groups (the group's editors, support staff): each "
            + "child named in to (all of them when to is left out) not yet assigned it is triaged it, with its own "
            + "history and event; the group's assignment records scope CHILDREN and delegatedTo",
            description = "Body: {\"to\":[\"RySG\",\"RrSG\"], \"note\", \"effectiveAt\"}; If-Match optional (the group's "
                    + "assignment's version). A group that is not one of GET /api/groups/{groupId}/children is a 422 "
                    + "not-a-child-group problem naming the field (to[i]) and the children; a group without children a "
                    + "422 no-child-groups; a child named twice a 400; nothing changes then. The answer names the children "
                    + "triaged now and those that had it already. Its ETag is the group's assignment's version.")
    ResponseEntity<Delegation.HandedDown> handDown(@PathVariable String groupId, @PathVariable String recommendationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssignmentRequests.HandDown request) {
        Delegation.HandedDown handed = delegation.handDown(groupId, recommendationId, request,
                Versions.fromIfMatch(ifMatch), Actor.current());
        return ResponseEntity.ok().eTag(Versions.toETag(handed.assignment().version())).body(handed);
    }

    @GetMapping("/assignments/{recommendationId}/comments")
    @PreAuthorize(RoleRules.ANY_WRITER)
    @Operation(summary = "The assignment's comments, oldest first; replies name the comment they answer. The "
            + "conversation between support and the group: support staff, admins and the group's editors only")
    List<Comment> thread(@PathVariable String groupId, @PathVariable String recommendationId) {
        Authority.requireSupportOrEditorOf(Actor.current(), groupId);
        return find(groupId, recommendationId).comments();
    }

    @PostMapping("/assignments/{recommendationId}/comments")
    @PreAuthorize(RoleRules.ANY_WRITER)
    @Operation(summary = "Comment on an assignment, or reply to a comment (support staff, the group's editors)")
    ResponseEntity<Comment> comment(@PathVariable String groupId, @PathVariable String recommendationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssignmentRequests.Comment request) {
        Comment comment = comments.comment(groupId, recommendationId, request, Versions.fromIfMatch(ifMatch),
                Actor.current());
        return ResponseEntity.created(URI.create("/api/groups/" + groupId + "/assignments/" + recommendationId
                + "/comments")).body(comment);
    }

    @PostMapping("/sign-off-request")
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Ask the group to review and sign off every assignment support has triaged to it (support staff)")
    GroupBatch requestSignOff(@PathVariable String groupId,
            @Valid @RequestBody(required = false) AssignmentRequests.GroupSignOffRequest request) {
        return batch(groupId, signOff.requestSignOff(groupId, request == null ? null : request.note(),
                request == null ? null : request.effectiveAt(), Actor.current()));
    }

    @PostMapping("/priorities/approval")
    @PreAuthorize(RoleRules.GROUP_EDITORS)
    @Operation(summary = "The group approves the draft priorities it names, each at the version the approver read (group editors)",
            description = "Body: {\"approve\":[{\"recommendationId\":\"6.1.1\",\"version\":3}, ...], \"note\", \"effectiveAt\"}; "
                    + "the version is the assignment's ETag when it was read. All are approved or none: 412 stale-version "
                    + "(naming recommendationId and currentVersion) when one changed since, 422 unknown-assignment when the "
                    + "group has none for a recommendation, 409 not-a-draft when one has no draft priority, 400 when approve "
                    + "is missing or empty. Drafts not named stay drafts.")
    GroupBatch approvePriorities(@PathVariable String groupId,
            @Valid @RequestBody(required = false) AssignmentRequests.Approve request) {
        // a missing body names no draft: the same 400 naming approve as an empty list
        return batch(groupId, priorities.approve(groupId, request == null ? null : request.approve(),
                request == null ? null : request.note(), request == null ? null : request.effectiveAt(),
                Actor.current()));
    }

    @GetMapping("/assignments.csv")
    @Operation(summary = "The group's assignments in the SO/AC spreadsheet shape: recommendation, title, "
            + "\"priority : effort : urgency\", status, comments; what the caller may see of each assignment "
            + "(draft priorities and the comment thread for support, admins and the group's editors only)")
    ResponseEntity<String> csv(@PathVariable String groupId) {
        Group group = groups.findById(groupId).orElseThrow(() -> ApiProblem.notFound("Group", groupId));
        Audience audience = Audience.forGroup(groupId);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + group.id() + "-assignments.csv\"")
                .body(AssignmentCsv.write(repository.activeForGroup(groupId).stream()
                        .map(a -> a.visibleTo(audience)).toList()));
    }

    private Assignment find(String groupId, String recommendationId) {
        return repository.find(groupId, recommendationId)
                .orElseThrow(() -> ApiProblem.notFound("Assignment", groupId + ":" + recommendationId));
    }

    private static ResponseEntity<Assignment> ok(Assignment assignment) {
        return ResponseEntity.ok().eTag(Versions.toETag(assignment.version())).body(assignment);
    }

    private static GroupBatch batch(String groupId, List<Assignment> changed) {
        return new GroupBatch(groupId, changed.stream().map(Assignment::recommendationId).toList(), changed.size());
    }

    /** What a group-wide step changed: the recommendations whose assignment moved. */
    record GroupBatch(String groupId, List<String> recommendationIds, int count) {
    }
}
