package org.ws2.recommendations.recommendation;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.service.changes.ChangeLog;
import org.ws2.service.problem.ApiProblem;

/**
 * The one way a recommendation changes: lock it, check the caller's version, then store the new
 * state and record the change (history and event) through the {@link ChangeLog}, in the caller's
 * transaction, so that all three or none exist.
 */
@Component
@RequiredArgsConstructor
public class RecommendationChanges {

    private final RecommendationRepository recommendations;
    private final ChangeLog changeLog;

    /**
     * Reads a recommendation to change it, locked until the transaction ends.
     *
     * @param expectedVersion the version the caller last read ({@code If-Match}), or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recommendation lock(String id, Long expectedVersion) {
        Recommendation current = changeLog.lock(recommendations.findForUpdate(id), expectedVersion,
                () -> ApiProblem.notFound("Recommendation", id));
        if (current.retired()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "retired", "Recommendation retired",
                    "Recommendation " + id + " was retired (" + current.retirement().reason()
                            + ") and can no longer be changed.");
        }
        return current;
    }

    /** When a change to {@code current} takes effect: now, or the past instant support staff give. */
    public static Instant effectiveTime(Recommendation current, Instant requested) {
        return ChangeLog.effectiveTime(requested, current.updatedAt());
    }

    /** Stores {@code after} and records {@code event}, which describes the change to it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recommendation commit(Recommendation after, String actor, String note, RecommendationEvent event) {
        recommendations.update(after);
        changeLog.record(event, actor, note);
        return after;
    }

    /** Adds a recommendation to the catalogue; false, and nothing written, if its id is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean register(Recommendation created, String actor, String note) {
        if (!recommendations.insert(created)) {
            return false;
        }
        changeLog.record(new RecommendationEvents.Registered(created.id(),
                created.topic(), created.details().title(), created.status(), created.version(), actor,
                created.snapshot()), actor, note);
        return true;
    }
}
