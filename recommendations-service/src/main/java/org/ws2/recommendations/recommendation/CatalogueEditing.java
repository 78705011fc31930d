package org.ws2.recommendations.recommendation;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.ChangedFields;
import org.ws2.contracts.recommendation.Programmes;
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
 * authorised users complete (the Ombuds 5.x recommendations are missing from it, for example), and
 * other reviews' recommendations (programmes: ATRT3…) are added beside WS2's with their own numbers
 * and topics.
 * Nothing is ever deleted; a retired recommendation keeps its history.
 */
@Service
@RequiredArgsConstructor
public class CatalogueEditing {

    private final RecommendationChanges changes;
    private final TopicRepository topics;

    @Transactional
    public Recommendation create(RecommendationRequests.Create request, String actor) {
        String id = idOf(request);
        String prefix = Topic.prefixOf(id);
        Topic topic = Programmes.WS2.equals(Programmes.of(id)) ? ws2Topic(request, id, prefix)
                : topicOfAnotherProgramme(request, id, prefix);
        var now = ChangeTime.now();
        Recommendation created = new Recommendation(id, prefix, topic.name(), request.details(),
                request.source(), "entered by " + actor, RecommendationStatus.NOT_STARTED, CoordinationFlag.NONE,
                List.of(), 0, null, 0, now, now);
        if (!changes.register(created, actor, request.note())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-exists", "Recommendation exists",
                    "Recommendation " + id + " is already in the catalogue; update it instead.");
        }
        return created;
    }

    /**
     * The new recommendation's id, from its programme and number ({@link Programmes}): WS2's id is its
     * number; another programme's is the code, a hyphen and the number. {@code id}, when given with them,
     * must be that id.
     */
    private static String idOf(RecommendationRequests.Create request) {
        String given = request.id();
        String programme = request.programme() != null ? request.programme()
                : given != null ? Programmes.of(given) : Programmes.WS2;
        if (!Programmes.CODE.matcher(programme).matches()) {
            throw unprocessable("programme", "programme: a programme's code, 2 to 16 upper-case letters and digits "
                    + "starting with a letter, such as WS2 or ATRT3.");
        }
        String number = request.number() != null ? request.number() : given != null ? Programmes.number(given) : null;
        if (number == null) {
            throw unprocessable("number", "number: give the recommendation's number in its programme (e.g. 1.1), "
                    + "or its id.");
        }
        boolean ws2 = Programmes.WS2.equals(programme);
        if (!number.matches(ws2 ? RecommendationRequests.WS2_NUMBER_PATTERN : RecommendationRequests.NUMBER_PATTERN)) {
            throw unprocessable("number", ws2
                    ? "number: a WS2 number starts with its topic's prefix (1 to 8), e.g. 5.13 or 6.4.2."
                    : "number: a topic number and one to three more, e.g. 1.1 or 3.2.1.");
        }
        String id = Programmes.id(programme, number);
        if (given != null && !given.equals(id)) {
            throw unprocessable("id", "id: recommendation " + number + " of " + programme + " has the id " + id
                    + ", not " + given + "; give the number and programme, or that id.");
        }
        return id;
    }

    private Topic ws2Topic(RecommendationRequests.Create request, String id, String prefix) {
        Topic topic = topics.find(prefix).orElseThrow(() -> ApiProblem.invalidInput("id",
                "No WS2 topic has prefix " + prefix + "."));
        if (request.topic() != null && !request.topic().equals(prefix) && !request.topic().equalsIgnoreCase(topic.name())) {
            throw ApiProblem.invalidInput("id", "Recommendation " + id + " belongs to topic " + prefix
                    + " (" + topic.name() + "), not to '" + request.topic() + "'.");
        }
        return topic;
    }

    /**
     * Another programme's topics are its own: the first recommendation of a topic number brings the
     * topic's name, and the topic is added with it (in the same transaction, so a refused create adds
     * none); later ones may name it again, and must name it alike.
     */
    private Topic topicOfAnotherProgramme(RecommendationRequests.Create request, String id, String prefix) {
        String programme = Programmes.of(id);
        var existing = topics.find(prefix);
        if (existing.isPresent()) {
            Topic topic = existing.get();
            if (request.topic() != null && !request.topic().equals(prefix) && !request.topic().strip().equalsIgnoreCase(topic.name())) {
                throw unprocessable("topic", "topic: " + id + " belongs to " + programme + "'s topic " + prefix + " ("
                        + topic.name() + "), not to '" + request.topic() + "'.");
            }
            return topic;
        }
        String name = request.topic() == null ? "" : request.topic().strip();
        if (name.isEmpty() || name.equals(prefix)) {
            throw unprocessable("topic", "topic: " + programme + " has no topic " + prefix + " yet; give its name "
                    + "(e.g. Public comment) to add it with this recommendation.");
        }
        if (topics.nameTaken(programme, name)) {
            throw unprocessable("topic", "topic: " + programme + " has another topic named '" + name
                    + "'; a topic's recommendations share its number (" + prefix + ").");
        }
        Topic topic = new Topic(prefix, name, null, programme);
        topics.insertIfMissing(topic);
        return topic;
    }

    private static ApiProblem unprocessable(String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", detail)
                .with("field", field);
    }

    @Transactional
    public Recommendation update(String id, RecommendationRequests.Update request, long expectedVersion,
            String actor) {
        Recommendation current = changes.lock(id, expectedVersion);
        RecommendationDetails before = current.details();
        RecommendationDetails after = request.details();
        List<String> changed = ChangedFields.between(before, after);
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
}
