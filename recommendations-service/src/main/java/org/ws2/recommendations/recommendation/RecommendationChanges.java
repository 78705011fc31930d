package org.ws2.recommendations.recommendation;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.service.events.EventJson;
import org.ws2.service.outbox.Outbox;
import org.ws2.service.problem.ApiProblem;

/**
 * The one way a recommendation changes: lock it, check the caller's version, then store the new
 * state, its history entry and its event in the caller's transaction, so that all three or none
 * exist.
 */
@Component
public class RecommendationChanges {

    private static final Logger log = LoggerFactory.getLogger(RecommendationChanges.class);

    private final RecommendationRepository recommendations;
    private final Outbox outbox;
    private final EventJson eventJson;

    RecommendationChanges(RecommendationRepository recommendations, Outbox outbox, EventJson eventJson) {
        this.recommendations = recommendations;
        this.outbox = outbox;
        this.eventJson = eventJson;
    }


    /**
     * Reads a recommendation to change it, locked until the transaction ends.
     *
     * @param expectedVersion the version the caller last read ({@code If-Match}), or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recommendation lock(String id, Long expectedVersion) {
        Recommendation current = recommendations.findForUpdate(id)
                .orElseThrow(() -> ApiProblem.notFound("Recommendation", id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ApiProblem.staleVersion(expectedVersion, current.version());
        }
        if (current.retired()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "retired", "Recommendation retired",
                    "Recommendation " + id + " was retired (" + current.retirement().reason()
                            + ") and can no longer be changed.");
        }
        return current;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Recommendation commit(Recommendation before, Recommendation after, String actor, String note,
            String eventType, Object payload) {
        recommendations.update(after);
        recommendations.recordChange(before, after, kind(eventType), actor, note);
        announce(after, eventType, payload);
        log.info("Recommendation {} {} by {} (version {})", after.id(), kind(eventType), actor, after.version());
        return after;
    }

    /** Adds a recommendation to the catalogue; false, and nothing written, if its id is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean register(Recommendation created, String actor, String note) {
        if (!recommendations.insert(created)) {
            return false;
        }
        recommendations.recordChange(null, created, kind(RecommendationEvents.REGISTERED), actor, note);
        announce(created, RecommendationEvents.REGISTERED, new RecommendationEvents.Registered(created.id(),
                created.topic(), created.details().title(), created.status(), created.version(), actor,
                created.snapshot()));
        return true;
    }

    private void announce(Recommendation after, String eventType, Object payload) {
        outbox.append(Topics.RECOMMENDATIONS, CloudEvent.of(RecommendationEvents.SOURCE, eventType, after.id(),
                after.version(), after.updatedAt(), eventJson.toData(payload)));
    }

    /** {@code org.ws2.recommendation.status-changed.v1} is kept in the history as {@code status-changed}. */
    private static String kind(String eventType) {
        String withoutVersion = eventType.substring(0, eventType.lastIndexOf('.'));
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }
}
