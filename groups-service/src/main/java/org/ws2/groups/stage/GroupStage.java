package org.ws2.groups.stage;

import java.util.List;

import org.ws2.contracts.assignment.Progress;
import org.ws2.groups.assignment.Assignment;

/**
 * A group's stage, derived from its assignments (those whose recommendation is not retired).
 *
 * <p>Each assignment has reached a stage of its own: TRIAGED while support holds it (triaged, or
 * sent back with changes requested), AWAITING_SIGN_OFF while the group is asked to sign off,
 * REVIEWED once signed off, PRIORITIZED once signed off with an approved priority (a
 * NOT_APPLICABLE judgement counts). The group is at the <em>least</em> advanced stage of its
 * assignments, since the update speaks of what a group has done with all its recommendations;
 * a group whose assignments are all PRIORITIZED is IMPLEMENTING as soon as one is IN_PROGRESS or
 * IMPLEMENTED. A group without assignments is NOT_STARTED.
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
            int notApplicable, int started) {
    }

    public static GroupStage of(String groupId, String groupName, List<Assignment> assignments) {
        Counts counts = count(assignments);
        Stage stage = derive(assignments);
        return new GroupStage(groupId, groupName, stage, sentence(groupName, stage, counts), counts);
    }

    static Stage derive(List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return Stage.NOT_STARTED;
        }
        Stage least = Stage.PRIORITIZED;
        for (Assignment a : assignments) {
            Stage own = own(a);
            if (own.compareTo(least) < 0) {
                least = own;
            }
        }
        if (least == Stage.PRIORITIZED && assignments.stream().anyMatch(GroupStage::started)) {
            return Stage.IMPLEMENTING;
        }
        return least;
    }

    private static Stage own(Assignment a) {
        return switch (a.triage()) {
            case TRIAGED, CHANGES_REQUESTED -> Stage.TRIAGED;
            case SIGN_OFF_REQUESTED -> Stage.AWAITING_SIGN_OFF;
            case SIGNED_OFF -> a.prioritized() ? Stage.PRIORITIZED : Stage.REVIEWED;
        };
    }

    private static boolean started(Assignment a) {
        return a.progress() == Progress.IN_PROGRESS || a.progress() == Progress.IMPLEMENTED;
    }

    /** In the Q2 2021 update's words, e.g. "ccNSO – has reviewed recs, established priorities and begun implementing". */
    static String sentence(String name, Stage stage, Counts counts) {
        String what = switch (stage) {
            case NOT_STARTED -> "no recommendations have been triaged to it yet";
            case TRIAGED -> "support team has conducted initial triage";
            case AWAITING_SIGN_OFF -> counts.prioritiesDraft() > 0 || counts.prioritiesApproved() > 0
                    ? "is reviewing and prioritizing"
                    : "support team has conducted initial triage; asked to review and sign off";
            case REVIEWED -> counts.prioritiesDraft() > 0 ? "has reviewed recs and is prioritizing" : "has reviewed recs";
            case PRIORITIZED -> "has reviewed recs and assigned priorities";
            case IMPLEMENTING -> "has reviewed recs, established priorities and begun implementing";
        };
        return name + " – " + what + ".";
    }

    private static Counts count(List<Assignment> assignments) {
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
                inProgress, implemented, notApplicable, inProgress + implemented);
    }
}
