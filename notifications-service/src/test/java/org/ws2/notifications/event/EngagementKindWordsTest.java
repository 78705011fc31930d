package org.ws2.notifications.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ws2.contracts.Vocabulary;
import org.ws2.contracts.engagement.EngagementEvents.Kind;

/** An engagement's notice and email name its kind as every page and report does: the contracts' vocabulary. */
class EngagementKindWordsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindReadsAsThePagesSayIt(Kind kind) {
        assertThat(EngagementListener.kindWord(kind.name())).isEqualTo(Vocabulary.words(kind))
                .doesNotContain("_").isNotBlank();
    }

    @Test
    void aKindOfTwoWordsReadsAsWords() {
        assertThat(EngagementListener.kindWord("PUBLIC_COMMENT")).isEqualTo("Public comment");
        assertThat(EngagementListener.kindWord("WEBINAR")).isEqualTo("Webinar");
    }
}
