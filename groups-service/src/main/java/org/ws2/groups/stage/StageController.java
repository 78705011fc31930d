package org.ws2.groups.stage;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.groups.assignment.AssignmentRepository;
import org.ws2.groups.group.Group;
import org.ws2.groups.group.GroupRepository;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Groups")
@RequiredArgsConstructor
class StageController {

    private final GroupRepository groups;
    private final AssignmentRepository assignments;

    @GetMapping("/api/groups/{id}/stage")
    @Operation(summary = "The group's stage, derived from its assignments, with the counts behind it and a sentence in the Q2 2021 update's words; "
            + "assignments it handed down to its child groups are theirs: counted in handedDown only, and named in the sentence")
    GroupStage stage(@PathVariable String id) {
        Group group = groups.findById(id).orElseThrow(() -> ApiProblem.notFound("Group", id));
        return GroupStage.of(group.id(), group.name(), assignments.activeForGroup(id),
                child -> groups.findById(child).map(Group::kind).orElse(null));
    }
}
