package org.ws2.groups.assignment;

import static org.ws2.service.problem.InputRules.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.group.GroupKind;
import org.ws2.groups.group.Group;
import org.ws2.groups.group.GroupRepository;
import org.ws2.groups.recommendation.KnownRecommendation;
import org.ws2.groups.recommendation.KnownRecommendations;
import org.ws2.groups.support.Authority;
import org.ws2.service.changes.ChangeLog;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

/**
 * Support staff triage recommendations to groups, one by one or in bulk (a selection of
 * recommendations × a selection of groups). Who may triage is decided before the request is read
 * ({@code @PreAuthorize} on the controller).
 */
@Service
@RequiredArgsConstructor
public class Triage {

    /** Bulk triage makes every pair of the selections; more than this is surely a mistake. */
    static final int MAX_BULK_PAIRS = 5000;

    private final AssignmentRepository assignments;
    private final GroupRepository groups;
    private final KnownRecommendations recommendations;
    private final AssignmentChanges changes;

    @Transactional
    public Assignment triage(AssignmentRequests.Create request, Actor actor) {
        Authority.requireMayBackDate(actor, request.effectiveAt());
        Group group = changes.activeGroup(request.groupId(), "groupId");
        KnownRecommendation recommendation = activeRecommendation(request.recommendationId(), "recommendationId");
        Instant at = ChangeLog.effectiveTime(request.effectiveAt(), null);
        if (!create(group.id(), recommendation.id(), blankToNull(request.applicabilityNote()),
                actor.name(), at)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "assignment-exists", "Already assigned",
                    "Recommendation " + recommendation.id() + " is already assigned to " + group.id() + ".")
                    .with("groupId", group.id()).with("recommendationId", recommendation.id());
        }
        return assignments.find(group.id(), recommendation.id()).orElseThrow();
    }

    /**
     * Assigns every selected recommendation to every selected group. Pairs that exist already are
     * left alone (no change, no event), so repeating a triage is harmless.
     */
    @Transactional
    public BulkTriageResult triageInBulk(AssignmentRequests.Bulk request, Actor actor) {
        Authority.requireMayBackDate(actor, request.effectiveAt());
        List<KnownRecommendation> selectedRecommendations = selectRecommendations(request);
        List<Group> selectedGroups = selectGroups(request);
        long pairs = (long) selectedRecommendations.size() * selectedGroups.size();
        if (pairs > MAX_BULK_PAIRS) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "selection-too-large", "Selection too large",
                    "The selection makes " + pairs + " assignments; at most " + MAX_BULK_PAIRS + " at once.");
        }
        String note = blankToNull(request.applicabilityNote());
        Instant at = ChangeLog.effectiveTime(request.effectiveAt(), null);
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Group group : selectedGroups) {
            for (KnownRecommendation recommendation : selectedRecommendations) {
                String id = group.id() + ":" + recommendation.id();
                (create(group.id(), recommendation.id(), note, actor.name(), at) ? created : existing).add(id);
            }
        }
        return new BulkTriageResult(selectedGroups.stream().map(Group::id).toList(),
                selectedRecommendations.stream().map(KnownRecommendation::id).toList(), created, existing);
    }

    /**
     * Assigns the recommendation to the group unless it has it already (no change, no event then); true if it
     * was assigned now. Bulk triage and a group handing a recommendation down to its children both come here,
     * so that every new assignment has its own history line and event.
     */
    boolean create(String groupId, String recommendationId, String note, String actor, Instant at) {
        if (!assignments.insertIfAbsent(groupId, recommendationId, note, actor, at)) {
            return false;
        }
        Assignment created = assignments.find(groupId, recommendationId).orElseThrow();
        changes.created(new AssignmentEvents.Triaged(groupId, recommendationId, created.version(), actor, at, note,
                created.snapshot()), actor, note);
        return true;
    }

    KnownRecommendation activeRecommendation(String id, String field) {
        KnownRecommendation recommendation = recommendations.find(id).orElseThrow(() -> unknownRecommendation(
                List.of(id), field));
        if (recommendation.retired()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "recommendation-retired", "Recommendation retired",
                    "Recommendation " + id + " was retired and takes no new assignments.").with("field", field);
        }
        return recommendation;
    }

    private static ApiProblem unknownRecommendation(List<String> ids, String field) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-recommendation", "Unknown recommendation",
                "This service has not heard of recommendation " + String.join(", ", ids)
                        + " (it learns the catalogue from ws2.recommendations.v1).")
                .with("field", field).with("recommendationIds", ids);
    }

    private List<KnownRecommendation> selectRecommendations(AssignmentRequests.Bulk request) {
        List<String> ids = request.recommendationIds() == null ? List.of() : request.recommendationIds();
        String prefix = blankToNull(request.idPrefix());
        String topic = blankToNull(request.topic());
        if (ids.isEmpty() && prefix == null && topic == null) {
            throw ApiProblem.invalidInput("recommendationIds",
                    "Select recommendations by recommendationIds, idPrefix (e.g. 6) or topic.");
        }
        Map<String, KnownRecommendation> selected = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            recommendations.find(id).ifPresentOrElse(r -> selected.put(r.id(), r), () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw unknownRecommendation(unknown, "recommendationIds");
        }
        for (KnownRecommendation r : selected.values()) {
            if (r.retired()) {
                activeRecommendation(r.id(), "recommendationIds");
            }
        }
        if (prefix != null || topic != null) {
            List<KnownRecommendation> matching = recommendations.active(prefix, topic);
            if (matching.isEmpty()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "no-recommendations-selected",
                        "No recommendations selected", "No active recommendation matches "
                                + (prefix != null ? "id prefix " + prefix : "") + (prefix != null && topic != null ? " and " : "")
                                + (topic != null ? "topic " + topic : "") + ".")
                        .with("field", prefix != null ? "idPrefix" : "topic");
            }
            matching.forEach(r -> selected.putIfAbsent(r.id(), r));
        }
        return List.copyOf(selected.values());
    }

    private List<Group> selectGroups(AssignmentRequests.Bulk request) {
        List<String> ids = request.groupIds() == null ? List.of() : request.groupIds();
        List<GroupKind> kinds = request.groupKinds() == null ? List.of() : request.groupKinds();
        if (ids.isEmpty() && kinds.isEmpty()) {
            throw ApiProblem.invalidInput("groupIds", "Select groups by groupIds or groupKinds (e.g. SO, AC).");
        }
        Map<String, Group> selected = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Group group = changes.activeGroup(ids.get(i), "groupIds[" + i + "]");
            selected.put(group.id(), group);
        }
        for (Group group : groups.activeOfKinds(List.copyOf(new LinkedHashSet<>(kinds)))) {
            selected.putIfAbsent(group.id(), group);
        }
        return List.copyOf(selected.values());
    }

    /**
     * @param created         {@code <groupId>:<recommendationId>} of the assignments made now
     * @param alreadyAssigned those that existed and were left as they were
     */
    public record BulkTriageResult(List<String> groupIds, List<String> recommendationIds, List<String> created,
            List<String> alreadyAssigned) {
    }
}
