package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.recommendation.Ownership;

import org.junit.jupiter.api.Test;
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

    /** Whom an assignment is for reads as the updates say it, and the ownership COMMUNITY keeps its own word. */
    @Test
    void scopesReadAsTheUpdatesSayIt() {
        assertThat(Vocabulary.words(AssignmentScope.GROUP)).isEqualTo("The group itself");
        assertThat(Vocabulary.words(AssignmentScope.CHILDREN)).isEqualTo("Its child groups");
        assertThat(Vocabulary.words(AssignmentScope.COMMUNITY)).isEqualTo("The community as a whole");
        assertThat(Vocabulary.words(Ownership.COMMUNITY)).isEqualTo("Community");
    }
}
