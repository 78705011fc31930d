package org.ws2.service.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ws2.service.problem.ApiProblem;

class VersionsTest {

    @Test
    void readsStrongWeakAndBareTags() {
        assertThat(Versions.fromIfMatch("\"3\"")).isEqualTo(3L);
        assertThat(Versions.fromIfMatch("W/\"4\"")).isEqualTo(4L);
        assertThat(Versions.fromIfMatch("5")).isEqualTo(5L);
    }

    @Test
    void noTagOrAnyTagMeansNoExpectation() {
        assertThat(Versions.fromIfMatch(null)).isNull();
        assertThat(Versions.fromIfMatch(" ")).isNull();
        assertThat(Versions.fromIfMatch("*")).isNull();
    }

    @Test
    void aTagThatIsNotAVersionIsBadInput() {
        assertThatThrownBy(() -> Versions.fromIfMatch("\"abc\"")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void writesAStrongTag() {
        assertThat(Versions.toETag(7)).isEqualTo("\"7\"");
    }
}
