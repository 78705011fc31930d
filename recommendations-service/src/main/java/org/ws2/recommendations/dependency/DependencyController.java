package org.ws2.recommendations.dependency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.recommendations.recommendation.RecommendationResponses;
import org.ws2.service.security.RoleRules;
import org.ws2.recommendations.recommendation.RecommendationView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code PUT} adds "id depends on dependsOnId"; {@code DELETE} removes it. Both are idempotent in effect. */
@RestController
@Tag(name = "Recommendations")
@RequestMapping("/api/recommendations/{id}/dependencies/{dependsOnId}")
@RequiredArgsConstructor
class DependencyController {

    private final Dependencies dependencies;
    private final RecommendationResponses responses;

    @PutMapping
    @Operation(summary = "Make a recommendation wait on another",
            description = "Records that {id} depends on {dependsOnId}; refused with 409 when it would close a cycle. Idempotent in effect.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> add(@PathVariable String id, @PathVariable String dependsOnId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) DependencyNote body) {
        return responses.changed(ifMatch, (version, actor) -> dependencies.add(id, dependsOnId,
                body == null ? null : body.note(), version, actor));
    }

    @DeleteMapping
    @Operation(summary = "Stop a recommendation waiting on another",
            description = "Removes the dependency of {id} on {dependsOnId}. Idempotent in effect.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> remove(@PathVariable String id, @PathVariable String dependsOnId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return responses.changed(ifMatch, (version, actor) -> dependencies.remove(id, dependsOnId, null, version,
                actor));
    }

    record DependencyNote(@Size(max = 4000) String note) {
    }
}
