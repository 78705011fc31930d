package org.ws2.groups.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ws2.contracts.assignment.TriageState;

class SignOffWorkflowTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| ([A-Z_]+) \\| ([A-Z_]+) \\| (support|group) \\| ([a-z-]+) \\|$", Pattern.MULTILINE);

    @Test
    void theDocumentedTableIsTheWorkflow() throws IOException {
        String doc = Files.readString(repo().resolve("docs/assignment-workflow.md"));
        Set<String> documented = new HashSet<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            TriageState from = TriageState.valueOf(row.group(1));
            TriageState to = TriageState.valueOf(row.group(2));
            assertThat(SignOffWorkflow.isSupportStep(to)).as(row.group()).isEqualTo(row.group(3).equals("support"));
            assertThat(SignOffWorkflow.kind(to)).as(row.group()).isEqualTo(row.group(4));
            documented.add(from + ">" + to);
        }
        Set<String> allowed = new HashSet<>();
        for (TriageState from : TriageState.values()) {
            SignOffWorkflow.allowedFrom(from).forEach(to -> allowed.add(from + ">" + to));
        }
        assertThat(documented).isEqualTo(allowed).hasSize(5);
    }

    @Test
    void signingOffIsFinal() {
        assertThat(SignOffWorkflow.allowedFrom(TriageState.SIGNED_OFF)).isEmpty();
    }

    @Test
    void theGroupAnswersAndSupportAsks() {
        assertThat(SignOffWorkflow.isSupportStep(TriageState.SIGN_OFF_REQUESTED)).isTrue();
        assertThat(SignOffWorkflow.isSupportStep(TriageState.SIGNED_OFF)).isFalse();
        assertThat(SignOffWorkflow.isSupportStep(TriageState.CHANGES_REQUESTED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TriageState.class)
    void noStateMovesToItself(TriageState state) {
        assertThat(SignOffWorkflow.allows(state, state)).isFalse();
    }

    private static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/assignment-workflow.md"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
