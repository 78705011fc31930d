package org.ws2.contracts.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ws2.contracts.group.GroupKind;

/**
 * How a group's stage follows from its assignments, and the Q2 2021 update's sentence for it
 * (docs/assignment-workflow.md). Shared vocabulary so that the groups service's
 * {@code GET /api/groups/{id}/stage} and the reports say the same thing; it holds no state.
 *
 * <p>Each assignment's own stage: TRIAGED while support holds it (triaged or changes requested),
 * AWAITING_SIGN_OFF while the group is asked to sign off, REVIEWED once signed off, PRIORITIZED once
 * signed off with an approved priority. The group is at the least advanced of these; a group whose
 * assignments are all PRIORITIZED is IMPLEMENTING once one is in progress or implemented.
 *
 * <p>A share the group handed down to its child groups (scope CHILDREN, naming them) is theirs, each child's
 * assignment counting for the child: it does not hold the group's own stage back or forward, and the sentence
 * says it in words instead ("handed 1.1, 6.1.4 to its stakeholder groups and constituencies"). A share the
 * group only judged to be for others (CHILDREN without naming them, or COMMUNITY) is still its own to track,
 * and the sentence says whom it is for ("1.1 is for individual groups").
 */
public final class GroupStageRule {

    /** A group's stage, in the order the Q2 2021 update describes SO/ACs. */
    public enum Stage {
        NOT_STARTED,
        TRIAGED,
        AWAITING_SIGN_OFF,
        REVIEWED,
        PRIORITIZED,
        IMPLEMENTING
    }

    /** What the rule needs to know of one assignment. */
    public interface AssignmentState {
        String recommendationId();

        TriageState triage();

        Priority priority();

        boolean priorityDraft();

        Progress progress();

        /** Whom the group judges it to be for; its own unless said otherwise. */
        default AssignmentScope scope() {
            return AssignmentScope.GROUP;
        }

        /** The child groups it was handed to, each with an assignment of its own. */
        default List<String> delegatedTo() {
            return List.of();
        }
    }

    /** Whether the group handed {@code a} to child groups: then it is theirs to count, not the group's as well. */
    public static boolean handedDown(AssignmentState a) {
        return a.scope() == AssignmentScope.CHILDREN && a.delegatedTo() != null && !a.delegatedTo().isEmpty();
    }

    /** The assignments that are the group's own work: all but those handed down. */
    public static <A extends AssignmentState> List<A> own(Collection<A> assignments) {
        return assignments.stream().filter(a -> !handedDown(a)).toList();
    }

    /** The group's stage from its own assignments; those handed down to child groups do not count. */
    public static Stage derive(Collection<? extends AssignmentState> all) {
        List<? extends AssignmentState> assignments = own(all);
        if (assignments.isEmpty()) {
            return Stage.NOT_STARTED;
        }
        Stage least = Stage.PRIORITIZED;
        boolean started = false;
        for (AssignmentState a : assignments) {
            Stage own = switch (a.triage()) {
                case TRIAGED, CHANGES_REQUESTED -> Stage.TRIAGED;
                case SIGN_OFF_REQUESTED -> Stage.AWAITING_SIGN_OFF;
                case SIGNED_OFF -> a.priority() != null && !a.priorityDraft() ? Stage.PRIORITIZED : Stage.REVIEWED;
            };
            if (own.compareTo(least) < 0) {
                least = own;
            }
            started |= a.progress() == Progress.IN_PROGRESS || a.progress() == Progress.IMPLEMENTED;
        }
        return least == Stage.PRIORITIZED && started ? Stage.IMPLEMENTING : least;
    }

    /**
     * The stage in the update's words, without the group's name.
     *
     * @param anyPriority whether some assignment has a priority, draft or approved
     * @param anyDraft    whether some assignment's priority is still a draft
     */
    public static String sentence(Stage stage, boolean anyPriority, boolean anyDraft) {
        return switch (stage) {
            case NOT_STARTED -> "no recommendations have been triaged to it yet";
            case TRIAGED -> "support team has conducted initial triage";
            case AWAITING_SIGN_OFF -> anyPriority
                    ? "is reviewing and prioritizing"
                    : "support team has conducted initial triage; asked to review and sign off";
            case REVIEWED -> anyDraft ? "has reviewed recs and is prioritizing" : "has reviewed recs";
            case PRIORITIZED -> "has reviewed recs and assigned priorities";
            case IMPLEMENTING -> "has reviewed recs, established priorities and begun implementing";
        };
    }

    /**
     * The stage in the update's words followed by what the group handed down or judged to be for others, e.g.
     * "has reviewed recs; handed 1.1, 6.1.4 to its stakeholder groups and constituencies", or
     * "handed 1.1 to its RALOs" when all it has is handed down.
     *
     * @param assignments every assignment of the group, handed down or not
     * @param kindOfGroup the kind of a child group, by id (null when unknown), for the word naming them
     */
    public static String sentence(Stage stage, boolean anyPriority, boolean anyDraft,
            Collection<? extends AssignmentState> assignments, Function<String, GroupKind> kindOfGroup) {
        List<String> clauses = scopeClauses(assignments, kindOfGroup);
        boolean anyOwn = assignments.stream().anyMatch(a -> !handedDown(a));
        List<String> parts = new ArrayList<>();
        if (anyOwn || clauses.isEmpty()) {
            parts.add(sentence(stage, anyPriority, anyDraft));
        }
        parts.addAll(clauses);
        return String.join("; ", parts);
    }

    /**
     * What a group's sentence says of the shares it handed down or judged to be for others, in recommendation
     * order as given: "handed 1.1, 6.1.4 to its stakeholder groups and constituencies", "1.1 is for individual
     * groups", "1.7, 2.3 are for the community as a whole"; empty when every share is the group's own.
     */
    public static List<String> scopeClauses(Collection<? extends AssignmentState> assignments,
            Function<String, GroupKind> kindOfGroup) {
        List<String> handed = new ArrayList<>();
        Set<GroupKind> childKinds = EnumSet.noneOf(GroupKind.class);
        boolean unknownChild = false;
        List<String> forChildren = new ArrayList<>();
        List<String> forCommunity = new ArrayList<>();
        for (AssignmentState a : assignments) {
            if (handedDown(a)) {
                handed.add(a.recommendationId());
                for (String child : a.delegatedTo()) {
                    GroupKind kind = kindOfGroup.apply(child);
                    if (kind == null) {
                        unknownChild = true;
                    } else {
                        childKinds.add(kind);
                    }
                }
            } else if (a.scope() == AssignmentScope.CHILDREN) {
                forChildren.add(a.recommendationId());
            } else if (a.scope() == AssignmentScope.COMMUNITY) {
                forCommunity.add(a.recommendationId());
            }
        }
        List<String> clauses = new ArrayList<>();
        if (!handed.isEmpty()) {
            clauses.add("handed " + String.join(", ", handed) + " to its " + children(childKinds, unknownChild));
        }
        if (!forChildren.isEmpty()) {
            clauses.add(String.join(", ", forChildren) + (forChildren.size() == 1 ? " is" : " are")
                    + " for individual groups");
        }
        if (!forCommunity.isEmpty()) {
            clauses.add(String.join(", ", forCommunity) + (forCommunity.size() == 1 ? " is" : " are")
                    + " for the community as a whole");
        }
        return clauses;
    }

    /** "stakeholder groups and constituencies" (the GNSO's SG/Cs), "RALOs", or "child groups". */
    static String children(Set<GroupKind> kinds, boolean unknown) {
        List<String> words = new ArrayList<>();
        if (kinds.contains(GroupKind.GNSO_SG) || kinds.contains(GroupKind.GNSO_C)) {
            words.add("stakeholder groups and constituencies");
        }
        if (kinds.contains(GroupKind.RALO)) {
            words.add("RALOs");
        }
        boolean others = unknown || kinds.stream()
                .anyMatch(k -> k != GroupKind.GNSO_SG && k != GroupKind.GNSO_C && k != GroupKind.RALO);
        if (others || words.isEmpty()) {
            words.add("child groups");
        }
        return words.stream().collect(Collectors.joining(" and "));
    }

    private GroupStageRule() {
    }
}
