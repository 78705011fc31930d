package org.ws2.groups.assignment;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.service.security.RoleRules;
import org.ws2.service.versioning.Versions;
import org.ws2.service.security.Actor;
import org.ws2.service.security.Audience;
import org.ws2.contracts.identity.Ws2Roles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Assignments", description = "Which recommendations fall to which group: triage, sign-off, priorities, progress")
@RequiredArgsConstructor
class AssignmentController {

    private final AssignmentRepository repository;
    private final Triage triage;

    @GetMapping
    @Operation(summary = "Assignments by group and/or recommendation, filtered by triage state, priority and progress, "
            + "paged; each shown as the caller may see it (see GET /api/groups/{groupId}/assignments/{recommendationId}), "
            + "and a priority filter matches a draft priority only for those who may see it")
    AssignmentPage list(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String recommendationId,
            @RequestParam(required = false) TriageState triage,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) Progress progress,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Audience audience = Audience.current();
        List<String> draftsVisibleIn = audience.isInsider() ? null
                : Actor.caller().filter(actor -> actor.hasRole(Ws2Roles.GROUP_EDITOR)).map(Actor::groups).orElse(List.of());
        AssignmentPage found = repository.search(
                new AssignmentFilter(groupId, recommendationId, triage, priority, progress, draftsVisibleIn), page, size);
        if (audience.isInsider()) {
            return found;
        }
        return new AssignmentPage(found.items().stream().map(a -> a.visibleTo(Audience.forGroup(a.groupId()))).toList(),
                found.page(), found.size(), found.total());
    }

    @PostMapping
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Triage one recommendation to one group (support staff, admin)")
    ResponseEntity<Assignment> create(@Valid @RequestBody AssignmentRequests.Create request) {
        Assignment created = triage.triage(request, Actor.current());
        return ResponseEntity
                .created(URI.create("/api/groups/" + created.groupId() + "/assignments/" + created.recommendationId()))
                .eTag(Versions.toETag(created.version())).body(created);
    }

    @PostMapping("/bulk")
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Triage every selected recommendation (ids, id prefix such as 6, or topic) to every selected group "
            + "(ids or kinds such as SO and AC); existing assignments are left alone (support staff, admin)")
    Triage.BulkTriageResult bulk(@Valid @RequestBody AssignmentRequests.Bulk request) {
        return triage.triageInBulk(request, Actor.current());
    }
}
