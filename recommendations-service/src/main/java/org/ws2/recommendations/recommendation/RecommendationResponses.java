package org.ws2.recommendations.recommendation;

import java.net.URI;
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
        return versioned(ResponseEntity.ok(), recommendation, asOf);
    }

    /** A recommendation just added to the catalogue, at its address. */
    ResponseEntity<RecommendationView> created(Recommendation recommendation) {
        return versioned(ResponseEntity.created(URI.create("/api/recommendations/" + recommendation.id())),
                recommendation, null);
    }

    private ResponseEntity<RecommendationView> versioned(ResponseEntity.BodyBuilder response,
            Recommendation recommendation, Instant asOf) {
        return response.eTag(Versions.toETag(recommendation.version())).body(queries.view(recommendation, asOf));
    }
}
