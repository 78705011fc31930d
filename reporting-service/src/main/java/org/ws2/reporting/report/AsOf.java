package org.ws2.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.ws2.service.problem.ApiProblem;

/** Reads the instants the reports accept: an ISO-8601 instant, or a date meaning the end of that day (UTC). */
final class AsOf {

    private AsOf() {
    }

    static Instant parse(String field, String text, Instant absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        Instant instant;
        try {
            instant = text.length() == 10
                    ? LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidInput(field, "must be an ISO-8601 date (2021-06-30) or instant (2021-06-30T12:00:00Z)");
        }
        if (instant.isAfter(Instant.now())) {
            throw ApiProblem.invalidInput(field, "must not be in the future");
        }
        return instant;
    }

    /** Like {@link #parse}, but a date means the start of that day. */
    static Instant parseStart(String field, String text) {
        if (text != null && text.length() == 10) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalidInput(field, "must be an ISO-8601 date (2021-04-01) or instant");
            }
        }
        Instant instant = parse(field, text, null);
        if (instant == null) {
            throw ApiProblem.invalidInput(field, "is required");
        }
        return instant;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
