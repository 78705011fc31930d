package org.ws2.reporting.picture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.GroupStageRule;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * Everything the reports know as it stood at one instant (effective time): per aggregate, the
 * latest version that had taken effect by then. Retired recommendations, retired groups and removed
 * engagements are left out, and so are the assignments of a retired recommendation.
 */
public record Picture(Instant asOf, List<Recommendation> recommendations, List<Group> groups,
        List<Assignment> assignments, List<Engagement> engagements) {

    /** @param programme WS2, or the other review it belongs to (ATRT3…) */
    public record Recommendation(String id, String topicPrefix, String topic, String title, Ownership ownership,
            String targetQuarter, RecommendationStatus status, CoordinationLevel coordination,
            String coordinationRationale, List<String> dependsOn, String programme) {
    }

    public record Group(String id, String name, GroupKind kind, String parent) {
    }

    /**
     * @param scope       whom the group judged it to be for (GROUP unless said)
     * @param delegatedTo the child groups it handed it down to; then it is theirs to count ({@link #handedDown()})
     */
    public record Assignment(String groupId, String recommendationId, String recommendationTitle, String topic,
            TriageState triage, Priority priority, Effort effort, Urgency urgency, boolean priorityDraft,
            String notApplicableReason, Progress progress, AssignmentScope scope, List<String> delegatedTo)
            implements GroupStageRule.AssignmentState {

        public Assignment {
            scope = scope == null ? AssignmentScope.GROUP : scope;
            delegatedTo = delegatedTo == null ? List.of() : List.copyOf(delegatedTo);
        }

        /** Handed down to child groups, whose own assignments carry the work: never counted as this group's too. */
        public boolean handedDown() {
            return GroupStageRule.handedDown(this);
        }

        /** The priority once the group approved it; a draft is the group's own business. */
        public Priority approvedPriority() {
            return priorityDraft ? null : priority;
        }
    }

    public record Link(String title, String url) {
    }

    /**
     * @param meeting  the ICANN public meeting it was part of ({@code ICANN71}), or null
     * @param groupIds the community groups involved; empty also in editions published before groups were named
     */
    public record Engagement(String id, String kind, String title, LocalDate heldOn, String description,
            List<Link> links, List<String> recommendationIds, String meeting, List<String> groupIds) {

        public Engagement {
            groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        }

        /** How a report lists it: "title (when[, ICANN71])[ – with ALAC, GAC]", {@code when} given by the caller. */
        public String listed(String when) {
            return title + " (" + when + (meeting == null ? "" : ", " + meeting) + ")"
                    + (groupIds.isEmpty() ? "" : " – with " + String.join(", ", groupIds));
        }
    }

    /**
     * One programme's part of the picture (issue 21): its recommendations, their assignments, and the
     * engagements that concern them; every group stays, as a group may work on several programmes. The
     * engagements that name no recommendation are WS2's, whose log they were before programmes. When
     * everything is the programme's (WS2's, while no other review is tracked) it is this very picture,
     * so WS2's reports are what they were.
     */
    public Picture of(String programme) {
        List<Recommendation> itsRecommendations = recommendations.stream()
                .filter(r -> r.programme().equals(programme)).toList();
        List<Assignment> itsAssignments = assignments.stream()
                .filter(a -> Programmes.of(a.recommendationId()).equals(programme)).toList();
        boolean ws2 = Programmes.WS2.equals(programme);
        List<Engagement> itsEngagements = engagements.stream()
                .filter(e -> e.recommendationIds().isEmpty() ? ws2
                        : e.recommendationIds().stream().anyMatch(id -> Programmes.of(id).equals(programme)))
                .toList();
        if (itsRecommendations.size() == recommendations.size() && itsAssignments.size() == assignments.size()
                && itsEngagements.size() == engagements.size()) {
            return this;
        }
        return new Picture(asOf, itsRecommendations, groups, itsAssignments, itsEngagements);
    }

    /** The same state, seen at another instant by which nothing else had changed. */
    public Picture as(Instant otherAsOf) {
        return new Picture(otherAsOf, recommendations, groups, assignments, engagements);
    }

    public Map<String, Recommendation> recommendationsById() {
        return recommendations.stream().collect(Collectors.toMap(Recommendation::id, Function.identity()));
    }

    public Map<String, Group> groupsById() {
        return groups.stream().collect(Collectors.toMap(Group::id, Function.identity()));
    }

    public Map<String, List<Assignment>> assignmentsByGroup() {
        return assignments.stream().collect(Collectors.groupingBy(Assignment::groupId));
    }

    public Map<String, List<Assignment>> assignmentsByRecommendation() {
        return assignments.stream().collect(Collectors.groupingBy(Assignment::recommendationId));
    }

    /**
     * Numbering order, the catalogue's: 1.2 before 1.10, 6.1.2 before 6.1.10; WS2's ids first, then each
     * other programme's by code (ATRT3-1.1), each in its numbering order; topic prefixes (6, ATRT3-1) alike.
     */
    public static final Comparator<String> BY_NUMBER = Programmes.BY_ID;
}
