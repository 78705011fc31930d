package org.ws2.recommendations.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.recommendations.recommendation.Recommendation.CoordinationFlag;
import org.ws2.recommendations.recommendation.Recommendation.Retirement;
import org.ws2.recommendations.topic.Topic;
import org.ws2.recommendations.topic.TopicRepository;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.versioning.ChangeTime;

/**
 * Adding, correcting and retiring recommendations: the loaded WS2 data is a starting point that
 * authorised users complete (the Ombuds 5.x recommendations are missing from it, for example).
 * Nothing is ever deleted; a retired recommendation keeps its history.
 */
@Service
public class CatalogueEditing {

    private final RecommendationChanges changes;
    private final TopicRepository topics;

    CatalogueEditing(RecommendationChanges changes, TopicRepository topics) {
        this.changes = changes;
        this.topics = topics;
    }

    @Transactional
    public Recommendation create(RecommendationRequests.Create request, String actor) {
        String prefix = request.id().substring(0, request.id().indexOf('.'));
        Topic topic = topics.find(prefix).orElseThrow(() -> ApiProblem.invalidInput("id",
                "No WS2 topic has prefix " + prefix + "."));
        if (request.topic() != null && !request.topic().equals(prefix) && !request.topic().equalsIgnoreCase(topic.name())) {
            throw ApiProblem.invalidInput("id", "Recommendation " + request.id() + " belongs to topic " + prefix + " ("
                    + topic.name() + "), not to '" + request.topic() + "'.");
        }
        var now = ChangeTime.now();
        Recommendation created = new Recommendation(request.id(), prefix, topic.name(), request.details(),
                request.source(), "entered by " + actor, RecommendationStatus.NOT_STARTED, CoordinationFlag.NONE,
                List.of(), 0, null, 0, now, now);
        if (!changes.register(created, actor, request.note())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-exists", "Recommendation exists",
                    "Recommendation " + request.id() + " is already in the catalogue; update it instead.");
        }
        return created;
    }

    @Transactional
    public Recommendation update(String id, RecommendationRequests.Update request, long expectedVersion,
            String actor) {
        Recommendation current = changes.lock(id, expectedVersion);
        RecommendationDetails before = current.details();
        RecommendationDetails after = request.details();
        List<String> changed = changedFields(before, after);
        if (changed.isEmpty()) {
            return current;
        }
        Recommendation updated = current.withDetails(after, ChangeTime.now());
        return changes.commit(updated, actor, request.note(), new RecommendationEvents.DetailsUpdated(id,
                updated.version(), actor, updated.updatedAt(), request.note(), changed, updated.snapshot()));
    }

    @Transactional
    public Recommendation retire(String id, RecommendationRequests.Retire request, Long expectedVersion,
            String actor) {
        Recommendation current = changes.lock(id, expectedVersion);
        Recommendation retired = current.retire(new Retirement(request.reason(), actor, ChangeTime.now()));
        return changes.commit(retired, actor, request.reason(), new RecommendationEvents.Retired(id,
                retired.version(), actor, retired.updatedAt(), request.reason(), retired.snapshot()));
    }

    private static List<String> changedFields(RecommendationDetails before, RecommendationDetails after) {
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "title", before.title(), after.title());
        addIfChanged(changed, "summary", before.summary(), after.summary());
        addIfChanged(changed, "ownership", before.ownership(), after.ownership());
        addIfChanged(changed, "sharedWith", before.sharedWith(), after.sharedWith());
        addIfChanged(changed, "implementers", before.implementers(), after.implementers());
        addIfChanged(changed, "targetQuarter", before.targetQuarter(), after.targetQuarter());
        addIfChanged(changed, "tags", before.tags(), after.tags());
        return changed;
    }

    private static void addIfChanged(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
