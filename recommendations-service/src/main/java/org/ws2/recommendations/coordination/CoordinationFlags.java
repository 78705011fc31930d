package org.ws2.recommendations.coordination;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.recommendations.recommendation.Recommendation;
import org.ws2.recommendations.recommendation.Recommendation.CoordinationFlag;
import org.ws2.recommendations.recommendation.RecommendationChanges;

/**
 * Flags a recommendation to SO/AC leadership as requiring, or benefiting from, community
 * coordination and prioritization; the event lets notifications tell them.
 */
@Service
@RequiredArgsConstructor
public class CoordinationFlags {

    private final RecommendationChanges changes;

    @Transactional
    public Recommendation set(String id, FlagRequest request, Long expectedVersion, String actor) {
        Recommendation current = changes.lock(id, expectedVersion);
        var flag = new CoordinationFlag(request.level(), request.rationale(), actor,
                RecommendationChanges.effectiveTime(current, request.effectiveAt()));
        Recommendation flagged = current.withCoordination(flag, flag.setAt());
        return changes.commit(flagged, actor, request.rationale(), new RecommendationEvents.CoordinationFlagSet(id,
                flagged.version(), actor, flagged.updatedAt(), current.coordination().level(), request.level(),
                request.rationale(), flagged.snapshot()));
    }

    /** @param effectiveAt when the flag was raised, for a past flag entered now; null for now */
    public record FlagRequest(@NotNull CoordinationLevel level, @NotBlank @Size(max = 4000) String rationale,
            Instant effectiveAt) {
    }
}
