package org.ws2.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    private final Words words = new Words();

    @ParameterizedTest
    @CsvSource({
        "NOT_STARTED, Not started",
        "IN_PROGRESS, In progress",
        "IMPLEMENTED, Implemented",
        "ON_HOLD, On hold",
        "COMPLETE, Complete",
        "ORG, ICANN org",
        "COMMUNITY, Community",
        "CO_OWNED, Co-owned",
        "SIGN_OFF_REQUESTED, Sign-off requested",
        "SIGNED_OFF, Signed off",
        "CHANGES_REQUESTED, Changes requested",
        "NOT_APPLICABLE, Not applicable",
        "WOULD_BENEFIT, Would benefit",
        "HIGH, High",
        "SO, Supporting Organization",
        "AC, Advisory Committee",
        "GNSO_SG, GNSO stakeholder group",
        "RALO, Regional At-Large Organization",
        "ORG_FUNCTION, ICANN org function",
        "SIGN_OFF_REMINDER, Sign-off reminder",
        "ASSIGNMENT_TRIAGED, Assignment triaged",
        "INBOX, Inbox",
        "DAILY, Daily"
    })
    void theApisNamesReadAsIcannWritesThem(String name, String expected) {
        assertThat(words.of(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"group-editor, group editor", "support-staff, support staff", "admin, admin"})
    void aRoleReadsAsPeopleSayIt(String role, String expected) {
        assertThat(words.role(role)).isEqualTo(expected);
    }

    @Test
    void nothingStaysNothing() {
        assertThat(words.role(null)).isNull();
        assertThat(words.of(null)).isNull();
        assertThat(words.date(null)).isNull();
    }

    @Test
    void aPriorityTripleReadsAsWordsWithADashForWhatIsNotSet() {
        assertThat(words.priority("HIGH", "MODERATE", "HIGH")).isEqualTo("High : Moderate : High");
        assertThat(words.priority("LOW", null, null)).isEqualTo("Low : – : –");
    }

    @Test
    void datesAndInstantsReadAsDates() {
        assertThat(words.date("2021-06-28")).isEqualTo("28 June 2021");
        assertThat(words.date("2026-11-30T01:06:16.732603Z")).isEqualTo("30 November 2026, 01:06 UTC");
        assertThat(words.date("2021-04-01T00:00:00Z")).isEqualTo("1 April 2021, 00:00 UTC");
        assertThat(words.date("next Tuesday")).isEqualTo("next Tuesday");
    }
}
