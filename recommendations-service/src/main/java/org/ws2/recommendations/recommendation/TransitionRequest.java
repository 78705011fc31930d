package org.ws2.recommendations.recommendation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * A request to move a recommendation to {@code to}; every move is explained by a note.
 *
 * @param overrideNote why the recommendation may go past planning although a recommendation it
 *                     depends on is not implemented yet; needed only then
 * @param effectiveAt  when the move happened, for a past move entered now; null for now
 */
public record TransitionRequest(
        @NotNull RecommendationStatus to,
        @NotBlank @Size(max = 4000) String note,
        @Size(max = 4000) String overrideNote,
        Instant effectiveAt) {
}
