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
    void somethingThatIsNotATokenSignsNobodyIn() {
        assertThat(SignedInUser.fromToken("not-a-token")).isEmpty();
    }
}
