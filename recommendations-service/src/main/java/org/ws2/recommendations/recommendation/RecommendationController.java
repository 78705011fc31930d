package org.ws2.recommendations.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

@RestController
@RequestMapping("/api/recommendations")
class RecommendationController {

    private final RecommendationRepository recommendations;
    private final Transitions transitions;

    RecommendationController(RecommendationRepository recommendations, Transitions transitions) {
        this.recommendations = recommendations;
        this.transitions = transitions;
    }

    @GetMapping
    RecommendationPage list(@RequestParam(required = false) String topic,
            @RequestParam(required = false) RecommendationStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        RecommendationFilter filter = new RecommendationFilter(topic, status);
        var items = recommendations.findPage(filter, page, size).stream().map(RecommendationView::of).toList();
        return new RecommendationPage(items, page, size, recommendations.count(filter));
    }

    @GetMapping("/{id}")
    ResponseEntity<RecommendationView> get(@PathVariable String id) {
        Recommendation recommendation = recommendations.find(id)
                .orElseThrow(() -> ApiProblem.notFound("Recommendation", id));
        return withETag(recommendation);
    }

    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAnyRole('support-staff', 'admin')")
    ResponseEntity<RecommendationView> transition(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TransitionRequest request) {
        Recommendation moved = transitions.transition(id, request, Versions.fromIfMatch(ifMatch),
                Actor.current().name());
        return withETag(moved);
    }

    private static ResponseEntity<RecommendationView> withETag(Recommendation recommendation) {
        return ResponseEntity.ok().eTag(Versions.toETag(recommendation.version()))
                .body(RecommendationView.of(recommendation));
    }
}
