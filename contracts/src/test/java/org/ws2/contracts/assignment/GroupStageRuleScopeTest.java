package org.ws2.contracts.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.assignment.GroupStageRule.AssignmentState;
import org.ws2.contracts.assignment.GroupStageRule.Stage;
import org.ws2.contracts.group.GroupKind;

/** Shares handed down are the children's: they neither hold the group's stage back nor count twice (issue 21). */
class GroupStageRuleScopeTest {

    private static final Map<String, GroupKind> KINDS = Map.of("RySG", GroupKind.GNSO_SG, "RrSG", GroupKind.GNSO_SG,
            "BC", GroupKind.GNSO_C, "AFRALO", GroupKind.RALO);

    record Share(String recommendationId, TriageState triage, Priority priority, boolean priorityDraft,
            Progress progress, AssignmentScope scope, List<String> delegatedTo) implements AssignmentState {
    }

    private static Share own(String id, TriageState triage) {
        return new Share(id, triage, null, false, Progress.NOT_STARTED, AssignmentScope.GROUP, List.of());
    }

    private static Share handed(String id, String... children) {
        // still awaiting sign-off: were it counted, it would hold the group back
        return new Share(id, TriageState.SIGN_OFF_REQUESTED, null, false, Progress.NOT_STARTED,
                AssignmentScope.CHILDREN, List.of(children));
    }

    @Test
    void aShareHandedDownDoesNotHoldTheGroupsOwnStageBack() {
        List<Share> council = List.of(handed("1.1", "RySG", "RrSG"), own("3.1", TriageState.SIGNED_OFF),
                handed("6.1.4", "RySG", "BC"));

        assertThat(GroupStageRule.own(council)).extracting(Share::recommendationId).containsExactly("3.1");
        assertThat(GroupStageRule.derive(council)).isEqualTo(Stage.REVIEWED);
        assertThat(GroupStageRule.sentence(Stage.REVIEWED, false, false, council, KINDS::get))
                .isEqualTo("has reviewed recs; handed 1.1, 6.1.4 to its stakeholder groups and constituencies");
    }

    @Test
    void aGroupWhoseEveryShareIsHandedDownSaysOnlyThat() {
        List<Share> alac = List.of(handed("1.1", "AFRALO"));

        assertThat(GroupStageRule.derive(alac)).isEqualTo(Stage.NOT_STARTED);
        assertThat(GroupStageRule.sentence(Stage.NOT_STARTED, false, false, alac, KINDS::get))
                .isEqualTo("handed 1.1 to its RALOs");
    }

    @Test
    void aShareJudgedForOthersStaysTheGroupsOwnAndTheSentenceSaysWhomItIsFor() {
        List<Share> ccnso = List.of(
                new Share("1.1", TriageState.SIGNED_OFF, null, false, Progress.NOT_STARTED, AssignmentScope.CHILDREN,
                        List.of()),
                new Share("1.7", TriageState.SIGNED_OFF, null, false, Progress.NOT_STARTED,
                        AssignmentScope.COMMUNITY, List.of()),
                new Share("2.3", TriageState.SIGNED_OFF, null, false, Progress.NOT_STARTED,
                        AssignmentScope.COMMUNITY, List.of()));

        assertThat(GroupStageRule.own(ccnso)).hasSize(3);
        assertThat(GroupStageRule.sentence(GroupStageRule.derive(ccnso), false, false, ccnso, KINDS::get))
                .isEqualTo("has reviewed recs; 1.1 is for individual groups; 1.7, 2.3 are for the community as a whole");
    }

    @Test
    void childrenOfAnUnknownKindAreChildGroups() {
        assertThat(GroupStageRule.scopeClauses(List.of(handed("1.1", "someone")), KINDS::get))
                .containsExactly("handed 1.1 to its child groups");
    }
}
