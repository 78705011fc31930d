package org.ws2.groups.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.AssignmentEvents.Comment;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.groups.group.Group;
import org.ws2.groups.group.GroupEditing;
import org.ws2.groups.group.GroupRepository;
import org.ws2.groups.recommendation.KnownRecommendation;
import org.ws2.groups.recommendation.KnownRecommendations;
import org.ws2.groups.support.Authority;
import org.ws2.service.versioning.Versions;
import org.ws2.service.events.EventJson;
import org.ws2.service.outbox.Outbox;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;
import org.ws2.service.versioning.ChangeTime;

/**
 * Every change to assignments: triage (one or in bulk), the sign-off workflow, priorities,
 * comments and progress. Each change locks the assignment, checks who may make it and the
 * version the caller read, then stores the new state, its history entry and its event on
 * {@code ws2.assignments.v1} in one transaction, so that all three or none exist.
 */
@Service
public class Assignments {

    /** Bulk triage makes every pair of the selections; more than this is surely a mistake. */
    static final int MAX_BULK_PAIRS = 5000;

    /** Who moves an assignment into each triage state: support staff, or the group itself. */
    private static final Set<TriageState> SUPPORT_MOVES = EnumSet.of(TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED);

    /** The sign-off workflow; SIGNED_OFF is final. */
    private static final Map<TriageState, Set<TriageState>> ALLOWED = Map.of(
            TriageState.TRIAGED, EnumSet.of(TriageState.SIGN_OFF_REQUESTED),
            TriageState.SIGN_OFF_REQUESTED, EnumSet.of(TriageState.SIGNED_OFF, TriageState.CHANGES_REQUESTED),
            TriageState.CHANGES_REQUESTED, EnumSet.of(TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED),
            TriageState.SIGNED_OFF, EnumSet.noneOf(TriageState.class));

    private final AssignmentRepository assignments;
    private final GroupRepository groups;
    private final KnownRecommendations recommendations;
    private final Outbox outbox;
    private final EventJson eventJson;

    Assignments(AssignmentRepository assignments, GroupRepository groups, KnownRecommendations recommendations,
            Outbox outbox, EventJson eventJson) {
        this.assignments = assignments;
        this.groups = groups;
        this.recommendations = recommendations;
        this.outbox = outbox;
        this.eventJson = eventJson;
    }

    static Set<TriageState> allowedFrom(TriageState from) {
        return ALLOWED.get(from);
    }

    @Transactional
    public Assignment triage(AssignmentRequests.Create request, Actor actor) {
        Authority.requireSupport(actor);
        Group group = activeGroup(request.groupId(), "groupId");
        KnownRecommendation recommendation = activeRecommendation(request.recommendationId(), "recommendationId");
        Instant at = ChangeTime.now();
        if (!create(group.id(), recommendation.id(), blankToNull(request.applicabilityNote()), actor.name(), at)) {
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
        Authority.requireSupport(actor);
        List<KnownRecommendation> selectedRecommendations = selectRecommendations(request);
        List<Group> selectedGroups = selectGroups(request);
        long pairs = (long) selectedRecommendations.size() * selectedGroups.size();
        if (pairs > MAX_BULK_PAIRS) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "selection-too-large", "Selection too large",
                    "The selection makes " + pairs + " assignments; at most " + MAX_BULK_PAIRS + " at once.");
        }
        String note = blankToNull(request.applicabilityNote());
        Instant at = ChangeTime.now();
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

    private boolean create(String groupId, String recommendationId, String note, String actor, Instant at) {
        if (!assignments.insertIfAbsent(groupId, recommendationId, note, actor, at)) {
            return false;
        }
        Assignment created = assignments.find(groupId, recommendationId).orElseThrow();
        assignments.recordChange(created, "triaged", null, actor, note);
        announce(created, AssignmentEvents.TRIAGED, new AssignmentEvents.Triaged(groupId, recommendationId,
                created.version(), actor, at, note, created.snapshot()));
        return true;
    }

    /** A step of the sign-off workflow; who may take it depends on where it goes. */
    @Transactional
    public Assignment move(String groupId, String recommendationId, AssignmentRequests.Triage request,
            Long expectedVersion, Actor actor) {
        Assignment current = lock(groupId, recommendationId);
        boolean bySupport = SUPPORT_MOVES.contains(request.to());
        if (bySupport) {
            Authority.requireSupport(actor);
        } else {
            Authority.requireEditorOf(actor, groupId);
            if (request.applicabilityNote() != null) {
                throw ApiProblem.invalidInput("applicabilityNote",
                        "Only support staff revise the applicability note; the group answers with a note.");
            }
        }
        Versions.check(expectedVersion, current.version());
        return move(current, request.to(), blankToNull(request.note()), request.applicabilityNote(), actor.name());
    }

    /** Asks the group to review and sign off every assignment support has triaged to it. */
    @Transactional
    public List<Assignment> requestSignOff(String groupId, String note, Actor actor) {
        Authority.requireSupport(actor);
        activeGroup(groupId, "groupId");
        List<Assignment> moved = new ArrayList<>();
        for (Assignment current : assignments.forGroupForUpdate(groupId, TriageState.TRIAGED, null)) {
            moved.add(move(current, TriageState.SIGN_OFF_REQUESTED, blankToNull(note), null, actor.name()));
        }
        return moved;
    }

    private Assignment move(Assignment current, TriageState to, String note, String applicabilityNote, String actor) {
        if (!ALLOWED.get(current.triage()).contains(to)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "invalid-transition", "Transition not allowed",
                    "Assignment " + current.id() + " cannot move from " + current.triage() + " to " + to + ".")
                    .with("from", current.triage()).with("to", to).with("allowed", ALLOWED.get(current.triage()));
        }
        if (to == TriageState.CHANGES_REQUESTED && note == null) {
            throw ApiProblem.invalidInput("note", "Say which changes the group asks for in note.");
        }
        String newNote = applicabilityNote == null ? current.applicabilityNote() : blankToNull(applicabilityNote);
        Assignment moved = current.withTriage(to, newNote, actor, ChangeTime.now());
        String kind = switch (to) {
            case SIGN_OFF_REQUESTED -> "sign-off-requested";
            case SIGNED_OFF -> "signed-off";
            case CHANGES_REQUESTED -> "changes-requested";
            case TRIAGED -> "revised";
        };
        commit(current, moved, kind, actor, note, AssignmentEvents.TRIAGE_CHANGED,
                new AssignmentEvents.TriageChanged(moved.groupId(), moved.recommendationId(), moved.version(), actor,
                        moved.updatedAt(), current.triage(), to, note, moved.snapshot()));
        return moved;
    }

    /** The group's priority, effort and urgency for one assignment; a draft until it approves them. */
    @Transactional
    public Assignment prioritize(String groupId, String recommendationId, AssignmentRequests.Prioritize request,
            long expectedVersion, Actor actor) {
        Assignment current = lock(groupId, recommendationId);
        Authority.requireEditorOf(actor, groupId);
        Versions.check(expectedVersion, current.version());
        boolean notApplicable = request.priority() == Priority.NOT_APPLICABLE;
        String reason = blankToNull(request.notApplicableReason());
        if (notApplicable && reason == null) {
            throw ApiProblem.invalidInput("notApplicableReason",
                    "Say why the recommendation does not apply to " + groupId + " in notApplicableReason.");
        }
        if (!notApplicable && reason != null) {
            throw ApiProblem.invalidInput("notApplicableReason",
                    "notApplicableReason is only for a NOT_APPLICABLE priority.");
        }
        if (!notApplicable && request.effort() == null) {
            throw ApiProblem.invalidInput("effort", "Give the effort (MINIMAL, MODERATE or SIGNIFICANT).");
        }
        if (!notApplicable && request.urgency() == null) {
            throw ApiProblem.invalidInput("urgency", "Give the urgency (HIGH, MEDIUM or LOW).");
        }
        if (current.priority() == request.priority() && current.effort() == request.effort()
                && current.urgency() == request.urgency() && Objects.equals(current.notApplicableReason(), reason)) {
            return current; // the same judgement again changes nothing, and reopens no approved priority
        }
        Assignment prioritized = current.withPriority(request.priority(), request.effort(), request.urgency(), true,
                reason, actor.name(), ChangeTime.now());
        String note = blankToNull(request.note());
        commit(current, prioritized, "prioritized", actor.name(), note != null ? note : reason,
                AssignmentEvents.PRIORITIZED, new AssignmentEvents.Prioritized(groupId, recommendationId,
                        prioritized.version(), actor.name(), prioritized.updatedAt(), note, prioritized.snapshot()));
        return prioritized;
    }

    /** The group approves all its draft priorities at once. */
    @Transactional
    public List<Assignment> approvePriorities(String groupId, String note, Actor actor) {
        Authority.requireEditorOf(actor, groupId);
        activeGroup(groupId, "groupId");
        List<Assignment> approved = new ArrayList<>();
        for (Assignment current : assignments.forGroupForUpdate(groupId, null, true)) {
            Assignment done = current.withPriority(current.priority(), current.effort(), current.urgency(), false,
                    current.notApplicableReason(), actor.name(), ChangeTime.now());
            commit(current, done, "priorities-approved", actor.name(), blankToNull(note),
                    AssignmentEvents.PRIORITIES_APPROVED, new AssignmentEvents.PrioritiesApproved(groupId,
                            done.recommendationId(), done.version(), actor.name(), done.updatedAt(), blankToNull(note),
                            done.snapshot()));
            approved.add(done);
        }
        return approved;
    }

    /** Support and the group talk on the assignment; a reply names the comment it answers. */
    @Transactional
    public Comment comment(String groupId, String recommendationId, AssignmentRequests.Comment request,
            Long expectedVersion, Actor actor) {
        Assignment current = lock(groupId, recommendationId);
        Authority.requireSupportOrEditorOf(actor, groupId);
        Versions.check(expectedVersion, current.version());
        if (request.replyTo() != null
                && current.comments().stream().noneMatch(c -> c.id().equalsIgnoreCase(request.replyTo()))) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-comment", "Unknown comment",
                    "Assignment " + current.id() + " has no comment " + request.replyTo() + " to reply to.")
                    .with("field", "replyTo");
        }
        Comment comment = new Comment(UUID.randomUUID().toString(), actor.name(), ChangeTime.now(), request.text().strip(),
                request.replyTo() == null ? null : request.replyTo().toLowerCase());
        Assignment commented = current.withComment(comment);
        assignments.addComment(groupId, recommendationId, comment);
        commit(current, commented, "commented", actor.name(), comment.text(), AssignmentEvents.COMMENTED,
                new AssignmentEvents.Commented(groupId, recommendationId, commented.version(), actor.name(),
                        comment.at(), comment, commented.snapshot()));
        return comment;
    }

    @Transactional
    public Assignment reportProgress(String groupId, String recommendationId, AssignmentRequests.ReportProgress request,
            long expectedVersion, Actor actor) {
        Assignment current = lock(groupId, recommendationId);
        Authority.requireEditorOf(actor, groupId);
        Versions.check(expectedVersion, current.version());
        String note = blankToNull(request.note());
        String evidence = blankToNull(request.evidenceUrl());
        if (current.progress() == request.progress() && Objects.equals(current.progressNote(), note)
                && Objects.equals(current.evidenceUrl(), evidence)) {
            return current;
        }
        Assignment reported = current.withProgress(request.progress(), note, evidence, actor.name(), ChangeTime.now());
        commit(current, reported, "progress-reported", actor.name(), note, AssignmentEvents.PROGRESS_REPORTED,
                new AssignmentEvents.ProgressReported(groupId, recommendationId, reported.version(), actor.name(),
                        reported.updatedAt(), current.progress(), reported.progress(), note, reported.snapshot()));
        return reported;
    }

    private Assignment lock(String groupId, String recommendationId) {
        return assignments.findForUpdate(groupId, recommendationId)
                .orElseThrow(() -> ApiProblem.notFound("Assignment", groupId + ":" + recommendationId));
    }

    private void commit(Assignment before, Assignment after, String kind, String actor, String note, String type,
            Object payload) {
        assignments.update(after);
        assignments.recordChange(after, kind, before.triage(), actor, note);
        announce(after, type, payload);
    }

    /** Keyed by recommendation id, so that all groups' work on one recommendation stays in order. */
    private void announce(Assignment assignment, String type, Object payload) {
        outbox.append(Topics.ASSIGNMENTS, CloudEvent.of(AssignmentEvents.SOURCE, type, assignment.recommendationId(),
                assignment.version(), assignment.updatedAt(), eventJson.toData(payload)));
    }

    private Group activeGroup(String id, String field) {
        Group group = groups.findById(id).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-group", "Unknown group", "There is no group with id '" + id + "'.").with("field", field));
        if (group.retired()) {
            throw GroupEditing.retired(id);
        }
        return group;
    }

    private KnownRecommendation activeRecommendation(String id, String field) {
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
        var kinds = request.groupKinds() == null ? List.<org.ws2.contracts.group.GroupKind>of() : request.groupKinds();
        if (ids.isEmpty() && kinds.isEmpty()) {
            throw ApiProblem.invalidInput("groupIds", "Select groups by groupIds or groupKinds (e.g. SO, AC).");
        }
        Map<String, Group> selected = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Group group = activeGroup(ids.get(i), "groupIds[" + i + "]");
            selected.put(group.id(), group);
        }
        for (Group group : groups.activeOfKinds(List.copyOf(new LinkedHashSet<>(kinds)))) {
            selected.putIfAbsent(group.id(), group);
        }
        return List.copyOf(selected.values());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * @param created         {@code <groupId>:<recommendationId>} of the assignments made now
     * @param alreadyAssigned those that existed and were left as they were
     */
    public record BulkTriageResult(List<String> groupIds, List<String> recommendationIds, List<String> created,
            List<String> alreadyAssigned) {
    }
}
