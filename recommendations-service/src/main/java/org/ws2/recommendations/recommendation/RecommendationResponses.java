package org.ws2.recommendations.recommendation;

import java.net.URI;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.ws2.service.security.Actor;
import org.ws2.service.versioning.Versions;

/**
 * Every change answers with the recommendation as it now reads, and its new version as ETag; a change is made
 * as the signed-in user, at the version the caller names in If-Match.
 */
@Component
@RequiredArgsConstructor
public class RecommendationResponses {

    private final RecommendationQueries queries;

    /** A change to one recommendation, at the version the caller read (null: as it is now), by {@code actor}. */
    @FunctionalInterface
    public interface Change {
        Recommendation make(Long expectedVersion, String actor);
    }

    /** Makes {@code change}, checking If-Match when it is sent. */
    public ResponseEntity<RecommendationView> changed(String ifMatch, Change change) {
        return ok(change.make(Versions.fromIfMatch(ifMatch), Actor.current().name()), null);
    }

    /** Makes {@code change}, which replaces what the caller read: without If-Match it could undo another's edit. */
    public ResponseEntity<RecommendationView> replacing(String ifMatch, Change change) {
        return ok(change.make(Versions.requireIfMatch(ifMatch), Actor.current().name()), null);
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
