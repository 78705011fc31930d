package org.ws2.web.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ws2.localsigning.LocalJwtKeys;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInUserTest {

    @TempDir
    Path keyDir;

    @Test
    void aLocalTokenSignsInThePersonItNamesWithTheirRoleAndGroups() {
        String token = LocalJwtKeys.loadOrCreate(keyDir).token("Alice ALAC", "group-editor", List.of("ALAC"));

        SignedInUser user = SignedInUser.fromToken(token).orElseThrow();
        assertThat(user.subject()).isEqualTo("Alice ALAC");
        assertThat(user.roles()).containsExactly("group-editor");
        assertThat(user.groups()).containsExactly("ALAC");
        assertThat(user.local()).isTrue();
        assertThat(user.editorOf("ALAC")).isTrue();
        assertThat(user.editorOf("GAC")).isFalse();
        assertThat(user.support()).isFalse();
    }

    @Test
    void theHeaderDescribesThePersonsRoleInWordsNotAsTheTokenNamesIt() {
        LocalJwtKeys keys = LocalJwtKeys.loadOrCreate(keyDir);

        assertThat(SignedInUser.fromToken(keys.token("Erin", "group-editor", List.of("ALAC", "GAC"))).orElseThrow().describe())
                .isEqualTo("group editor for ALAC, GAC");
        assertThat(SignedInUser.fromToken(keys.token("Sam", "support-staff", List.of())).orElseThrow().describe())
                .isEqualTo("support staff");
        assertThat(SignedInUser.fromToken(keys.token("Ada", "admin", List.of())).orElseThrow().describe())
                .isEqualTo("admin");
    }

    @Test
    void aRoleTheTrackerDoesNotKnowStillReadsAsWords() {
        assertThat(SignedInUser.roleInWords("ORG_LEAD")).isEqualTo("org lead");
    }

    @Test
    void somethingThatIsNotATokenSignsNobodyIn() {
        assertThat(SignedInUser.fromToken("not-a-token")).isEmpty();
    }
}
