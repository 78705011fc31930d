package org.ws2.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Who is reading, per docs/visibility.md: a group editor is an insider of its own groups only. */
class AudienceTest {

    @Test
    void eachCallerHasItsAudiencePerGroup() {
        assertThat(Audience.of(Optional.empty(), "ALAC")).isEqualTo(Audience.PUBLIC);
        Optional<Actor> alacEditor = Optional.of(new Actor("erin", List.of("group-editor"), List.of("ALAC")));
        assertThat(Audience.of(alacEditor, "ALAC")).isEqualTo(Audience.GROUP_AND_SUPPORT);
        assertThat(Audience.of(alacEditor, "GAC")).isEqualTo(Audience.SIGNED_IN);
        assertThat(Audience.of(alacEditor, null)).isEqualTo(Audience.SIGNED_IN);
        assertThat(Audience.of(Optional.of(new Actor("sam", List.of("support-staff"), List.of())), "GAC"))
                .isEqualTo(Audience.GROUP_AND_SUPPORT);
        assertThat(Audience.of(Optional.of(new Actor("ada", List.of("admin"), List.of())), "GAC"))
                .isEqualTo(Audience.ADMIN);
        assertThat(Audience.of(Optional.of(new Actor("rita", List.of(), List.of())), "GAC"))
                .isEqualTo(Audience.SIGNED_IN);
        assertThat(Audience.PUBLIC.isSignedIn()).isFalse();
        assertThat(Audience.SIGNED_IN.isInsider()).isFalse();
        assertThat(Audience.ADMIN.isInsider()).isTrue();
    }
}
