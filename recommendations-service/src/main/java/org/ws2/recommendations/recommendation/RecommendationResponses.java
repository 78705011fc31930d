package org.ws2.recommendations.recommendation;

import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.ws2.service.versioning.Versions;

/** Every change answers with the recommendation as it now reads, and its new version as ETag. */
@Component
public class RecommendationResponses {

    private final RecommendationQueries queries;

    RecommendationResponses(RecommendationQueries queries) {
        this.queries = queries;
    }

    public ResponseEntity<RecommendationView> ok(Recommendation recommendation) {
        return ok(recommendation, null);
    }

    /** The recommendation as it read at {@code asOf} (now when null), with its version as ETag. */
    ResponseEntity<RecommendationView> ok(Recommendation recommendation, Instant asOf) {
        return ResponseEntity.ok().eTag(Versions.toETag(recommendation.version()))
                .body(queries.view(recommendation, asOf));
    }
}
