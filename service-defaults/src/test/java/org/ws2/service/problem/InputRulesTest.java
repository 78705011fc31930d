package org.ws2.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Query parameters and path variables: ISO 8601 dates within years 0001 to 9999, and blank texts. */
class InputRulesTest {

    @Test
    void anInstantIsReadWithOrWithoutAnOffset() throws Exception {
        assertThat(InputRules.INSTANTS.parse("2021-06-30T00:00:00Z", Locale.ROOT))
                .isEqualTo(Instant.parse("2021-06-30T00:00:00Z"));
        assertThat(InputRules.INSTANTS.parse("2021-06-30T02:00:00+02:00", Locale.ROOT))
                .isEqualTo(Instant.parse("2021-06-30T00:00:00Z"));
        assertThat(InputRules.INSTANTS.print(Instant.parse("2021-06-30T00:00:00Z"), Locale.ROOT))
                .isEqualTo("2021-06-30T00:00:00Z");
    }

    @Test
    void anOffsetDateTimeIsPrintedInUtc() throws Exception {
        OffsetDateTime time = InputRules.OFFSET_DATE_TIMES.parse("2021-06-30T02:00:00+02:00", Locale.ROOT);
        assertThat(InputRules.OFFSET_DATE_TIMES.print(time, Locale.ROOT)).isEqualTo("2021-06-30T00:00Z");
    }

    @Test
    void aDateOutsideTheAcceptedYearsIsRefused() throws Exception {
        assertThat(InputRules.DATES.parse("9999-12-31", Locale.ROOT)).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThatThrownBy(() -> InputRules.DATES.parse("+10000-01-01", Locale.ROOT))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("outside the accepted years");
        assertThatThrownBy(() -> InputRules.INSTANTS.parse("+10000-01-01T00:00:00Z", Locale.ROOT))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("outside the accepted years");
        assertThatThrownBy(() -> InputRules.OFFSET_DATE_TIMES.parse("0000-12-31T00:00:00Z", Locale.ROOT))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("outside the accepted years");
    }

    @Test
    void aBlankTextIsNoText() {
        assertThat(InputRules.blankToNull(null)).isNull();
        assertThat(InputRules.blankToNull(" \t")).isNull();
        assertThat(InputRules.blankToNull("  ALAC ")).isEqualTo("ALAC");
    }
}
