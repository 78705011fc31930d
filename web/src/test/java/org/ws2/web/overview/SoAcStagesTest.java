package org.ws2.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoAcStagesTest {

    @Test
    void keepsTheSosThenTheAcsInTheReportsOrder() {
        SoAcStages stages = SoAcStages.of(Map.of("groups", List.of(
                group("ALAC", "AC"), group("HR", "ORG_FUNCTION"), group("ccNSO", "SO"), group("GAC", "AC"),
                group("RySG", "GNSO_SG"), group("GNSO-Council", "SO"), group("BOARD", "BOARD"))));

        assertThat(stages.lines()).extracting(SoAcStages.Line::groupId)
                .containsExactly("ccNSO", "GNSO-Council", "ALAC", "GAC");
    }

    @Test
    void theSentenceLosesTheGroupsNameAndItsFullStopWhichThePageWritesItself() {
        assertThat(SoAcStages.what("At-Large Advisory Committee", "At-Large Advisory Committee – has reviewed recs.", "REVIEWED"))
                .isEqualTo("has reviewed recs");
        assertThat(SoAcStages.what("ALAC", "has reviewed recs", "REVIEWED")).isEqualTo("has reviewed recs");
        assertThat(SoAcStages.what("ALAC", null, "AWAITING_SIGN_OFF")).as("no sentence: the stage in words")
                .isEqualTo("Awaiting sign-off");
    }

    @Test
    void countsTheReportDoesNotGiveAreNone() {
        SoAcStages.Line line = SoAcStages.of(Map.of("groups", List.of(Map.of("groupId", "SSAC", "kind", "AC"))))
                .lines().get(0);

        assertThat(line).isEqualTo(new SoAcStages.Line("SSAC", "SSAC", null, null, 0, 0, 0));
    }

    @Test
    void aReportWithoutGroupsHasNoLines() {
        assertThat(SoAcStages.of(Map.of()).lines()).isEmpty();
    }

    private static Map<String, Object> group(String id, String kind) {
        return Map.of("groupId", id, "name", id + " name", "kind", kind, "stage", "TRIAGED",
                "sentence", id + " name – support team has conducted initial triage.",
                "counts", Map.of("assignments", 2, "signOffRequested", 1, "signedOff", 1));
    }
}
