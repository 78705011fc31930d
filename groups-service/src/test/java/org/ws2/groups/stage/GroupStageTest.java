package org.ws2.groups.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.GroupStageRule.Stage;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.groups.assignment.Assignment;

class GroupStageTest {

    @Test
    void theGroupIsAtItsLeastAdvancedAssignment() {
        assertThat(GroupStage.derive(List.of())).isEqualTo(Stage.NOT_STARTED);
        assertThat(GroupStage.derive(List.of(a(TriageState.SIGNED_OFF, Priority.HIGH, false, Progress.NOT_STARTED),
                a(TriageState.TRIAGED, null, false, Progress.NOT_STARTED)))).isEqualTo(Stage.TRIAGED);
        assertThat(GroupStage.derive(List.of(a(TriageState.CHANGES_REQUESTED, null, false, Progress.NOT_STARTED))))
                .isEqualTo(Stage.TRIAGED);
        assertThat(GroupStage.derive(List.of(a(TriageState.SIGN_OFF_REQUESTED, Priority.LOW, true, Progress.NOT_STARTED))))
                .isEqualTo(Stage.AWAITING_SIGN_OFF);
        assertThat(GroupStage.derive(List.of(a(TriageState.SIGNED_OFF, Priority.LOW, true, Progress.NOT_STARTED))))
                .isEqualTo(Stage.REVIEWED);
        assertThat(GroupStage.derive(List.of(a(TriageState.SIGNED_OFF, Priority.NOT_APPLICABLE, false,
                Progress.NOT_APPLICABLE)))).isEqualTo(Stage.PRIORITIZED);
    }

    @Test
    void implementingNeedsEverythingPrioritizedAndSomethingStarted() {
        var started = a(TriageState.SIGNED_OFF, Priority.HIGH, false, Progress.IN_PROGRESS);
        assertThat(GroupStage.derive(List.of(started, a(TriageState.SIGNED_OFF, Priority.LOW, false,
                Progress.NOT_STARTED)))).isEqualTo(Stage.IMPLEMENTING);
        // Work begun before the review is done does not skip it.
        assertThat(GroupStage.derive(List.of(started, a(TriageState.SIGN_OFF_REQUESTED, null, false,
                Progress.NOT_STARTED)))).isEqualTo(Stage.AWAITING_SIGN_OFF);
    }

    @Test
    void sentencesSpeakLikeTheQ2Update() {
        var drafts = List.of(a(TriageState.SIGN_OFF_REQUESTED, Priority.HIGH, true, Progress.NOT_STARTED));
        assertThat(GroupStage.of("ALAC", "ALAC", drafts).sentence()).isEqualTo("ALAC – is reviewing and prioritizing.");
        var asked = List.of(a(TriageState.SIGN_OFF_REQUESTED, null, false, Progress.NOT_STARTED));
        assertThat(GroupStage.of("SSAC", "SSAC", asked).sentence())
                .isEqualTo("SSAC – support team has conducted initial triage; asked to review and sign off.");
    }

    private static Assignment a(TriageState triage, Priority priority, boolean draft, Progress progress) {
        return new Assignment("G", "6.1.1", "t", "SO/AC Accountability", "NOT_STARTED", null, triage, priority,
                priority == null ? null : Effort.MODERATE, priority == null ? null : Urgency.LOW, draft, null,
                progress, null, null, List.of(), 0, "s", Instant.EPOCH, "s", Instant.EPOCH, null, null);
    }
}
