package org.ws2.recommendations.coordination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.recommendations.recommendation.Recommendation;
import org.ws2.recommendations.recommendation.Recommendation.CoordinationFlag;
import org.ws2.recommendations.recommendation.RecommendationChanges;
import org.ws2.service.versioning.ChangeTime;

/**
 * Flags a recommendation to SO/AC leadership as requiring, or benefiting from, community
 * coordination and prioritization; the event lets notifications tell them.
 */
@Service
public class CoordinationFlags {

    private final RecommendationChanges changes;

    CoordinationFlags(RecommendationChanges changes) {
        this.changes = changes;
    }

    @Transactional
    public Recommendation set(String id, FlagRequest request, Long expectedVersion, String actor) {
        Recommendation current = changes.lock(id, expectedVersion);
        var flag = new CoordinationFlag(request.level(), request.rationale(), actor, ChangeTime.now());
        Recommendation flagged = current.withCoordination(flag, flag.setAt());
        return changes.commit(current, flagged, actor, request.rationale(), RecommendationEvents.COORDINATION_FLAG_SET,
                new RecommendationEvents.CoordinationFlagSet(id, flagged.version(), actor, flagged.updatedAt(),
                        current.coordination().level(), request.level(), request.rationale(), flagged.snapshot()));
    }

    public record FlagRequest(@NotNull CoordinationLevel level, @NotBlank @Size(max = 4000) String rationale) {
    }
}
