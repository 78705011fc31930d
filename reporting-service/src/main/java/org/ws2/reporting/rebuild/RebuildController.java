package org.ws2.reporting.rebuild;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reports")
@RequiredArgsConstructor
class RebuildController {

    private final ProjectionRebuild rebuild;

    @PostMapping("/api/reports/rebuild")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Rebuild the reports' history from the topics (admins); reads go on meanwhile",
            description = "Replays every public topic from offset 0 into fresh tables, then swaps them in. 202 with the "
                    + "status; 409 problem while a rebuild runs. Follow it with GET.")
    ResponseEntity<ProjectionRebuild.Status> start() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping("/api/reports/rebuild")
    @Operation(summary = "The last rebuild's state, records replayed and records per second")
    ProjectionRebuild.Status status() {
        ProjectionRebuild.Status status = rebuild.status();
        if (status == null) {
            throw ApiProblem.notFound("rebuild", "last");
        }
        return status;
    }
}
