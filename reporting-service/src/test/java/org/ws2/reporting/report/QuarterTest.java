package org.ws2.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ws2.service.problem.ApiProblem;

class QuarterTest {

    @Test
    void aQuarterRunsFromItsFirstToItsLastDay() {
        Quarter q2 = Quarter.parse("2021-Q2");

        assertThat(q2.firstDay()).isEqualTo(LocalDate.parse("2021-04-01"));
        assertThat(q2.lastDay()).isEqualTo(LocalDate.parse("2021-06-30"));
        assertThat(q2.start()).isEqualTo(Instant.parse("2021-04-01T00:00:00Z"));
        assertThat(q2.end()).isEqualTo(Instant.parse("2021-06-30T23:59:59.999999Z"));
        assertThat(q2.label()).isEqualTo("Q2 2021");
        assertThat(Quarter.parse("2021-q4").lastDay()).isEqualTo(LocalDate.parse("2021-12-31"));
    }

    @Test
    void anythingElseIsInvalidInput() {
        for (String bad : new String[] { "2021-Q5", "2021Q2", "Q2-2021", "", "2021-Q0" }) {
            assertThatThrownBy(() -> Quarter.parse(bad)).isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void aDateAsOfMeansTheEndOfThatDay() {
        assertThat(AsOf.parse("asOf", "2021-04-01", null)).isEqualTo(Instant.parse("2021-04-01T23:59:59.999999Z"));
        assertThat(AsOf.parseStart("from", "2021-04-01")).isEqualTo(Instant.parse("2021-04-01T00:00:00Z"));
        assertThatThrownBy(() -> AsOf.parse("asOf", "2999-01-01", null)).isInstanceOf(ApiProblem.class);
    }
}
