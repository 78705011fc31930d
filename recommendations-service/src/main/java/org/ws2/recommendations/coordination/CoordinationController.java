package org.ws2.recommendations.coordination;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.recommendations.recommendation.RecommendationResponses;
import org.ws2.service.security.RoleRules;
import org.ws2.recommendations.recommendation.RecommendationView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Recommendations")
@RequiredArgsConstructor
class CoordinationController {

    private final CoordinationFlags flags;
    private final RecommendationResponses responses;

    @PutMapping("/api/recommendations/{id}/coordination")
    @Operation(summary = "Flag, change or clear community coordination",
            description = "Body {\"level\":\"REQUIRED\"|\"WOULD_BENEFIT\"|\"NONE\",\"rationale\"}; SO/AC leadership is notified of the change.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> set(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CoordinationFlags.FlagRequest request) {
        // It replaces level and rationale as a whole: without the version read, it could undo another's flag.
        return responses.replacing(ifMatch, (version, actor) -> flags.set(id, request, version, actor));
    }
}
