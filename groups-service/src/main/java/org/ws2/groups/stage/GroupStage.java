package org.ws2.groups.stage;

import java.util.List;
import java.util.function.Function;

import org.ws2.contracts.assignment.GroupStageRule;
import org.ws2.contracts.assignment.GroupStageRule.Stage;
import org.ws2.contracts.group.GroupKind;
import org.ws2.groups.assignment.Assignment;

/**
 * A group's stage, derived from its assignments (those whose recommendation is not retired).
 *
 * <p>The rule is the contracts' {@link GroupStageRule}: each assignment's own stage (TRIAGED,
 * AWAITING_SIGN_OFF, REVIEWED, PRIORITIZED — a NOT_APPLICABLE judgement counts as a priority), the
 * group at the <em>least</em> advanced of them, IMPLEMENTING once all are prioritized and one is
 * under way; NOT_STARTED without assignments. The reports use the same rule. A share the group handed down
 * to its child groups is theirs: it is left out of the stage and the counts ({@code handedDown} counts it), and
 * the sentence says it in words ("handed 1.1 to its stakeholder groups and constituencies").
 *
 * @param sentence the stage in the words of the Q2 2021 update
 */
public record GroupStage(String groupId, String groupName, Stage stage, String sentence, Counts counts) {

    /**
     * @param prioritiesApproved assignments with an approved priority (any triage state)
     * @param prioritiesDraft    assignments whose priority is still a draft
     * @param started            progress IN_PROGRESS or IMPLEMENTED
     */
    public record Counts(int assignments, int triaged, int signOffRequested, int changesRequested, int signedOff,
            int prioritiesApproved, int prioritiesDraft, int notStarted, int inProgress, int implemented,
            int notApplicable, int started, int handedDown) {
    }

    public static GroupStage of(String groupId, String groupName, List<Assignment> assignments) {
        return of(groupId, groupName, assignments, child -> null);
    }

    /** @param kindOfGroup a child group's kind by id, for the word that names those it handed work to */
    public static GroupStage of(String groupId, String groupName, List<Assignment> assignments,
            Function<String, GroupKind> kindOfGroup) {
        List<Assignment> own = GroupStageRule.own(assignments);
        Counts counts = count(own, assignments.size() - own.size());
        Stage stage = derive(assignments);
        return new GroupStage(groupId, groupName, stage, sentence(groupName, stage, counts, assignments, kindOfGroup),
                counts);
    }

    /** The shared rule ({@link GroupStageRule}), so that this service and the reports say the same. */
    static Stage derive(List<Assignment> assignments) {
        return GroupStageRule.derive(assignments);
    }

    /** In the Q2 2021 update's words, e.g. "ccNSO – has reviewed recs, established priorities and begun implementing". */
    static String sentence(String name, Stage stage, Counts counts, List<Assignment> assignments,
            Function<String, GroupKind> kindOfGroup) {
        return name + " – " + GroupStageRule.sentence(stage,
                counts.prioritiesDraft() > 0 || counts.prioritiesApproved() > 0, counts.prioritiesDraft() > 0,
                assignments, kindOfGroup) + ".";
    }

    private static Counts count(List<Assignment> assignments, int handedDown) {
        int triaged = 0, requested = 0, changes = 0, signedOff = 0, approved = 0, draft = 0;
        int notStarted = 0, inProgress = 0, implemented = 0, notApplicable = 0;
        for (Assignment a : assignments) {
            switch (a.triage()) {
                case TRIAGED -> triaged++;
                case SIGN_OFF_REQUESTED -> requested++;
                case CHANGES_REQUESTED -> changes++;
                case SIGNED_OFF -> signedOff++;
            }
            if (a.priority() != null) {
                if (a.priorityDraft()) {
                    draft++;
                } else {
                    approved++;
                }
            }
            switch (a.progress()) {
                case NOT_STARTED -> notStarted++;
                case IN_PROGRESS -> inProgress++;
                case IMPLEMENTED -> implemented++;
                case NOT_APPLICABLE -> notApplicable++;
            }
        }
        return new Counts(assignments.size(), triaged, requested, changes, signedOff, approved, draft, notStarted,
                inProgress, implemented, notApplicable, inProgress + implemented, handedDown);
    }
}
