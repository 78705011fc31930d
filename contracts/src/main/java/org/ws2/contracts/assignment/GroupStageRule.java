package org.ws2.contracts.assignment;

import java.util.Collection;

/**
 * How a group's stage follows from its assignments, and the Q2 2021 update's sentence for it
 * (docs/assignment-workflow.md). Shared vocabulary so that the groups service's
 * {@code GET /api/groups/{id}/stage} and the reports say the same thing; it holds no state.
 *
 * <p>Each assignment's own stage: TRIAGED while support holds it (triaged or changes requested),
 * AWAITING_SIGN_OFF while the group is asked to sign off, REVIEWED once signed off, PRIORITIZED once
 * signed off with an approved priority. The group is at the least advanced of these; a group whose
 * assignments are all PRIORITIZED is IMPLEMENTING once one is in progress or implemented.
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
        TriageState triage();

        Priority priority();

        boolean priorityDraft();

        Progress progress();
    }

    public static Stage derive(Collection<? extends AssignmentState> assignments) {
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

    private GroupStageRule() {
    }
}
