package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.service.events.EventJson;
import org.ws2.service.outbox.Outbox;
import org.ws2.service.problem.ApiProblem;

/** Moves recommendations through the lifecycle, recording each move and announcing it. */
@Service
public class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);

    private final RecommendationRepository recommendations;
    private final Outbox outbox;
    private final EventJson eventJson;

    Transitions(RecommendationRepository recommendations, Outbox outbox, EventJson eventJson) {
        this.recommendations = recommendations;
        this.outbox = outbox;
        this.eventJson = eventJson;
    }

    /**
     * @param expectedVersion the version the caller last read ({@code If-Match}), or null to move
     *                        whatever the current version is
     */
    @Transactional
    public Recommendation transition(String id, TransitionRequest request, Long expectedVersion, String actor) {
        Recommendation current = recommendations.findForUpdate(id)
                .orElseThrow(() -> ApiProblem.notFound("Recommendation", id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ApiProblem.staleVersion(expectedVersion, current.version());
        }
        if (!Lifecycle.allows(current.status(), request.to())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "invalid-transition", "Transition not allowed",
                    "Recommendation " + id + " cannot move from " + current.status() + " to " + request.to() + ".")
                    .with("from", current.status())
                    .with("to", request.to())
                    .with("allowed", Lifecycle.allowedFrom(current.status()));
        }
        // Microseconds: what PostgreSQL keeps, so the event and a later read agree to the digit.
        Recommendation moved = current.withStatus(request.to(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        recommendations.updateStatus(moved);
        recommendations.recordChange(current, moved, "STATUS_CHANGED", actor, request.note());
        var payload = new RecommendationEvents.StatusChanged(moved.id(), moved.topicName(), moved.title(),
                current.status(), moved.status(), request.note(), actor, moved.updatedAt(), moved.version());
        outbox.append(Topics.RECOMMENDATIONS, CloudEvent.of(RecommendationEvents.SOURCE,
                RecommendationEvents.STATUS_CHANGED, moved.id(), moved.version(), moved.updatedAt(),
                eventJson.toData(payload)));
        log.info("Recommendation {} moved from {} to {} by {} (version {})", id, current.status(), moved.status(),
                actor, moved.version());
        return moved;
    }
}
