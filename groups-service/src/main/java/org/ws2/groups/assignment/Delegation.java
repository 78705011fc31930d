package org.ws2.groups.assignment;

import static org.ws2.service.problem.InputRules.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.groups.group.Group;
import org.ws2.groups.group.GroupEditing;
import org.ws2.groups.group.GroupRepository;
import org.ws2.groups.support.Authority;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

/**
 * Whom an assignment is for, and handing it down to child groups (issue 21): the GNSO Council "recognizes that
 * much of the implementation is for GNSO SG/Cs". The group's editors or support staff say it; a share handed
 * down becomes each child's own assignment (triaged through {@link Triage}, each with its history and event),
 * and the parent's assignment records {@code scope=CHILDREN} and whom it went to, so that reports count the
 * children's work once, as theirs.
 */
@Service
@RequiredArgsConstructor
public class Delegation {

    static final String SCOPE_SET = "scope-set";
    static final String HANDED_DOWN = "handed-down";

    private final AssignmentChanges changes;
    private final GroupRepository groups;
    private final Triage triage;

    /** The group says whom the assignment is for; any scope but CHILDREN takes back a share handed down. */
    @Transactional
    public Assignment setScope(String groupId, String recommendationId, AssignmentRequests.SetScope request,
            long expectedVersion, Actor actor) {
        Authority.requireSupportOrEditorOf(actor, groupId);
        Authority.requireMayBackDate(actor, request.effectiveAt());
        Assignment current = changes.lock(groupId, recommendationId, expectedVersion);
        if (current.scope() == request.scope()) {
            return current; // the same judgement again changes nothing, and keeps whom it was handed to
        }
        Assignment after = current.withScope(request.scope(), current.delegatedTo(), actor.name(),
                AssignmentChanges.effectiveTime(current, request.effectiveAt()));
        String note = blankToNull(request.note());
        return changes.commit(after, new AssignmentEvents.ScopeChanged(groupId, recommendationId, after.version(),
                actor.name(), after.updatedAt(), current.scope(), after.scope(), after.delegatedTo(), note,
                after.snapshot()), SCOPE_SET, actor.name(), note);
    }

    /**
     * Hands the recommendation down to the child groups named (all of them when none is named): each child
     * not yet assigned it is triaged it now; the parent's assignment records CHILDREN and every child it has
     * handed it to so far. A group that is not a child, or a child named twice, is a problem and nothing changes.
     */
    @Transactional
    public HandedDown handDown(String groupId, String recommendationId, AssignmentRequests.HandDown request,
            Long expectedVersion, Actor actor) {
        Authority.requireSupportOrEditorOf(actor, groupId);
        Authority.requireMayBackDate(actor, request.effectiveAt());
        Group parent = groups.findById(groupId).orElseThrow(() -> ApiProblem.notFound("Group", groupId));
        if (parent.retired()) {
            throw GroupEditing.retired(groupId);
        }
        List<Group> children = groups.activeChildren(parent);
        List<String> to = chosen(parent, children, request.to());
        Assignment current = changes.lock(groupId, recommendationId, expectedVersion);
        triage.activeRecommendation(recommendationId, "recommendationId");
        Instant at = AssignmentChanges.effectiveTime(current, request.effectiveAt());
        String note = blankToNull(request.note());
        String childNote = "Handed down by " + parent.name() + (note == null ? "." : ": " + note);
        List<String> triaged = new ArrayList<>();
        List<String> alreadyAssigned = new ArrayList<>();
        for (String child : to) {
            (triage.create(child, recommendationId, childNote, actor.name(), at) ? triaged : alreadyAssigned)
                    .add(child);
        }
        Set<String> handedTo = new LinkedHashSet<>(
                current.scope() == AssignmentScope.CHILDREN ? current.delegatedTo() : List.of());
        handedTo.addAll(to);
        if (current.scope() == AssignmentScope.CHILDREN && handedTo.size() == current.delegatedTo().size()) {
            return new HandedDown(current, triaged, alreadyAssigned);
        }
        Assignment after = current.withScope(AssignmentScope.CHILDREN, List.copyOf(handedTo), actor.name(), at);
        String history = "Handed to " + String.join(", ", to) + (note == null ? "" : ": " + note);
        changes.commit(after, new AssignmentEvents.ScopeChanged(groupId, recommendationId, after.version(),
                actor.name(), after.updatedAt(), current.scope(), AssignmentScope.CHILDREN, after.delegatedTo(), note,
                after.snapshot()), HANDED_DOWN, actor.name(), history);
        return new HandedDown(after, triaged, alreadyAssigned);
    }

    /** The children named, checked, in the order named; all of them when none is named. */
    private static List<String> chosen(Group parent, List<Group> children, List<String> named) {
        if (children.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "no-child-groups", "No child groups",
                    parent.name() + " has no child groups to hand a recommendation down to; say whom it is for "
                            + "instead (scope).").with("field", "to");
        }
        if (named == null || named.isEmpty()) {
            return children.stream().map(Group::id).toList();
        }
        Map<String, Group> byId = children.stream().collect(Collectors.toMap(Group::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < named.size(); i++) {
            String id = named.get(i);
            if (!byId.containsKey(id)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-child-group", "Not a child group",
                        "'" + id + "' is not one of " + parent.name() + "'s child groups ("
                                + String.join(", ", byId.keySet()) + "); nothing was handed down.")
                        .with("field", "to[" + i + "]").with("childGroupIds", List.copyOf(byId.keySet()));
            }
            if (!seen.add(id)) {
                throw ApiProblem.invalidInput("to[" + i + "]", id + " is named twice in to.");
            }
        }
        return List.copyOf(seen);
    }

    /**
     * @param assignment      the parent's assignment after the step
     * @param triaged         the child groups assigned the recommendation now
     * @param alreadyAssigned those that had it already, left as they were
     */
    public record HandedDown(Assignment assignment, List<String> triaged, List<String> alreadyAssigned) {
    }
}
