package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabularyTest {

    @ParameterizedTest
    @CsvSource({
            "SIGN_OFF_REQUESTED, Sign-off requested",
            "SIGNED_OFF, Signed off",
            "IN_PROGRESS, In progress",
            "CO_OWNED, Co-owned",
            "ORG, ICANN org",
            "GNSO_SG, GNSO stakeholder group",
            "MEETING, Meeting",
            "NOT_APPLICABLE, Not applicable" })
    void readsAsIcannWritesIt(String constant, String words) {
        assertThat(Vocabulary.words(constant)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(value = { "''", "null" }, nullValues = "null")
    void nothingStaysNothing(String constant) {
        assertThat(Vocabulary.words(constant)).isEqualTo(constant);
    }
}
