package org.ws2.recommendations.recommendation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.service.problem.ApiProblem;

/** Moves recommendations through the lifecycle ({@link Lifecycle}), with the rules that guard it. */
@Service
@RequiredArgsConstructor
public class Transitions {

    /**
     * Where a recommendation cannot go while one it depends on is not implemented, unless an override
     * note says why; once past planning on such a note, it is not asked again.
     */
    private static final Set<RecommendationStatus> PAST_PLANNING = EnumSet.of(RecommendationStatus.IN_PROGRESS,
            RecommendationStatus.DOCUMENTING, RecommendationStatus.IMPLEMENTED);

    private final RecommendationChanges changes;
    private final RecommendationQueries queries;

    @Transactional
    public Recommendation transition(String id, TransitionRequest request, Long expectedVersion, String actor) {
        Recommendation current = changes.lock(id, expectedVersion);
        if (!Lifecycle.allows(current.status(), request.to())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "invalid-transition", "Transition not allowed",
                    "Recommendation " + id + " cannot move from " + current.status() + " to " + request.to() + ".")
                    .with("from", current.status())
                    .with("to", request.to())
                    .with("allowed", Lifecycle.allowedFrom(current.status()));
        }
        List<String> waitingOn = queries.waitingOn(current);
        boolean overridden = request.overrideNote() != null && !request.overrideNote().isBlank();
        boolean goesPastPlanning = PAST_PLANNING.contains(request.to()) && !PAST_PLANNING.contains(current.status());
        if (goesPastPlanning && !waitingOn.isEmpty() && !overridden) {
            throw new ApiProblem(HttpStatus.CONFLICT, "waiting-on-dependency", "Waiting on another recommendation",
                    "Recommendation " + id + " depends on " + String.join(", ", waitingOn)
                            + ", not implemented yet; to go past planning anyway, give an overrideNote.")
                    .with("waitingOn", waitingOn);
        }
        if (request.to() == RecommendationStatus.IMPLEMENTED && current.evidenceCount() == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "evidence-required", "Evidence required",
                    "Recommendation " + id + " needs at least one piece of implementation evidence before it is "
                            + "implemented: POST /api/recommendations/" + id + "/evidence.");
        }
        Recommendation moved = current.withStatus(request.to(),
                RecommendationChanges.effectiveTime(current, request.effectiveAt()));
        String overrideNote = goesPastPlanning && !waitingOn.isEmpty() ? request.overrideNote() : null;
        var event = new RecommendationEvents.StatusChanged(moved.id(), moved.topic(), moved.details().title(),
                current.status(), moved.status(), request.note(), actor, moved.updatedAt(), moved.version(),
                overrideNote, moved.snapshot());
        String note = overrideNote == null ? request.note() : request.note() + " [override: " + overrideNote + "]";
        return changes.commit(moved, actor, note, event);
    }
}
