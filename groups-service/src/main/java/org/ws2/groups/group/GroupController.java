package org.ws2.groups.group;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.group.GroupKind;
import org.ws2.service.security.RoleRules;
import org.ws2.service.versioning.Versions;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;
import org.ws2.service.security.Audience;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/groups")
@Tag(name = "Groups", description = "The Board, SO/ACs, GNSO stakeholder groups and constituencies, RALOs, cross-community structures and ICANN org functions")
@RequiredArgsConstructor
class GroupController {

    private final GroupRepository groups;
    private final GroupEditing editing;

    @GetMapping
    @Operation(summary = "All groups, Board first, then the community, then ICANN org functions; e-mail addresses "
            + "only for support staff, admins and each group's own editors")
    GroupList list(
            @Parameter(description = "only groups of this kind") @RequestParam(required = false) GroupKind kind,
            @Parameter(description = "only the groups directly under this one, e.g. GNSO or ALAC")
            @RequestParam(required = false) String parent,
            @Parameter(description = "also list retired groups") @RequestParam(defaultValue = "false") boolean includeRetired) {
        return new GroupList(groups.find(kind, parent, includeRetired).stream()
                .map(group -> group.visibleTo(Audience.forGroup(group.id()))).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One group; its ETag is the version an update must name in If-Match. Contacts' and members' "
            + "e-mail addresses are null unless the caller is support staff, an admin or an editor of the group")
    ResponseEntity<Group> get(@PathVariable String id) {
        return ok(find(id).visibleTo(Audience.forGroup(id)));
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "The active groups this group may hand a recommendation down to (issue 21): those directly "
            + "under it, and for a council managing an organization of its kind (the GNSO Council) that organization's "
            + "other groups (the GNSO's stakeholder groups); e-mail addresses as for the group list")
    GroupList children(@PathVariable String id) {
        return new GroupList(groups.activeChildren(find(id)).stream()
                .map(group -> group.visibleTo(Audience.forGroup(group.id()))).toList());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change to the group: who (signed-in readers only), when, what and why")
    List<GroupHistoryEntry> history(@PathVariable String id) {
        find(id);
        boolean names = Audience.current().isSignedIn();
        return editing.history(id).stream().map(entry -> new GroupHistoryEntry(entry.version(), entry.kind(),
                names ? entry.actor() : null, entry.note(), entry.effectiveAt())).toList();
    }

    /** One entry of a group's history; {@code actor} (a token's sub) is null for anonymous readers. */
    @Schema(name = "GroupChange") // the OpenAPI document's name for this entry, kept for generated clients
    record GroupHistoryEntry(long version, String kind, String actor, String note, java.time.Instant at) {
    }

    @PostMapping
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Create a group, e.g. a CROSS_COMMUNITY structure whose members represent other groups (support staff, admin)")
    ResponseEntity<Group> create(@Valid @RequestBody GroupRequests.Create request) {
        Group created = editing.create(request, Actor.current().name());
        return ResponseEntity.created(URI.create("/api/groups/" + created.id()))
                .eTag(Versions.toETag(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Replace a group's name, kind, parent, source, note, contacts and members; needs If-Match (support staff, admin)")
    ResponseEntity<Group> update(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody GroupRequests.Update request) {
        return ok(editing.update(id, request, Versions.requireIfMatch(ifMatch), Actor.current().name()));
    }

    @PostMapping("/{id}/retirement")
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Retire a group: it keeps its history and assignments but takes no new work (support staff, admin)")
    ResponseEntity<Group> retire(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody GroupRequests.Retire request) {
        return ok(editing.retire(id, request.reason(), Versions.fromIfMatch(ifMatch), Actor.current().name()));
    }

    private Group find(String id) {
        return groups.findById(id).orElseThrow(() -> ApiProblem.notFound("Group", id));
    }

    private static ResponseEntity<Group> ok(Group group) {
        return ResponseEntity.ok().eTag(Versions.toETag(group.version())).body(group);
    }

    /** An object rather than a bare array, so that paging can be added without breaking clients. */
    record GroupList(List<Group> items, int total) {

        GroupList(List<Group> items) {
            this(items, items.size());
        }
    }
}
