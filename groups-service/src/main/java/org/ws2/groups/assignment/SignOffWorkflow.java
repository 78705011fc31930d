package org.ws2.groups.assignment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.ws2.contracts.assignment.TriageState;

/**
 * The sign-off workflow of an assignment as one table: where each triage state may go, and who takes
 * each step. Documented in {@code docs/assignment-workflow.md}; {@code SignOffWorkflowTest} holds the
 * two to each other.
 *
 * <pre>
 * TRIAGED            → SIGN_OFF_REQUESTED                 (support)
 * SIGN_OFF_REQUESTED → SIGNED_OFF | CHANGES_REQUESTED     (the group)
 * CHANGES_REQUESTED  → TRIAGED | SIGN_OFF_REQUESTED       (support)
 * SIGNED_OFF         → (final)
 * </pre>
 */
final class SignOffWorkflow {

    private static final Map<TriageState, Set<TriageState>> ALLOWED = Map.of(
            TriageState.TRIAGED, EnumSet.of(TriageState.SIGN_OFF_REQUESTED),
            TriageState.SIGN_OFF_REQUESTED, EnumSet.of(TriageState.SIGNED_OFF, TriageState.CHANGES_REQUESTED),
            TriageState.CHANGES_REQUESTED, EnumSet.of(TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED),
            TriageState.SIGNED_OFF, EnumSet.noneOf(TriageState.class));

    /** The states support staff move an assignment into; the group's editors move it into the others. */
    private static final Set<TriageState> BY_SUPPORT = EnumSet.of(TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED);

    static boolean allows(TriageState from, TriageState to) {
        return ALLOWED.get(from).contains(to);
    }

    static Set<TriageState> allowedFrom(TriageState from) {
        return ALLOWED.get(from);
    }

    static boolean isSupportStep(TriageState to) {
        return BY_SUPPORT.contains(to);
    }

    /** What the history calls a step into {@code to}. */
    static String kind(TriageState to) {
        return switch (to) {
            case SIGN_OFF_REQUESTED -> "sign-off-requested";
            case SIGNED_OFF -> "signed-off";
            case CHANGES_REQUESTED -> "changes-requested";
            case TRIAGED -> "revised";
        };
    }

    private SignOffWorkflow() {
    }
}
