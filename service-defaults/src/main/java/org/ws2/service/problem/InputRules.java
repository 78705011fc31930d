package org.ws2.service.problem;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.format.Formatter;

/**
 * What every text and date a service accepts must satisfy, whatever the endpoint: no NUL character
 * (PostgreSQL cannot store one, so it would fail late, as a 500) and dates within years 1 to 9999
 * (ISO 8601's ordinary range; PostgreSQL's timestamps end in year 294276).
 */
public final class InputRules {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    public static boolean containsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Null when {@code instant} is acceptable, otherwise why not. */
    public static String outOfRange(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST)
                ? "'" + instant + "' is outside the accepted years 0001 to 9999." : null;
    }

    public static String outOfRange(LocalDate date) {
        return date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)
                ? "'" + date + "' is outside the accepted years 0001 to 9999." : null;
    }

    /** Parses ISO 8601 instants ({@code 2021-06-30T00:00:00Z}, with or without an offset) in range. */
    static final class InstantFormatter implements Formatter<Instant> {
        @Override
        public Instant parse(String text, Locale locale) {
            Instant instant;
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                instant = ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
            }
            String problem = outOfRange(instant);
            if (problem != null) {
                throw new DateTimeException(problem);
            }
            return instant;
        }

        @Override
        public String print(Instant object, Locale locale) {
            return object.toString();
        }
    }

    static final class LocalDateFormatter implements Formatter<LocalDate> {
        @Override
        public LocalDate parse(String text, Locale locale) {
            LocalDate date = LocalDate.parse(text);
            String problem = outOfRange(date);
            if (problem != null) {
                throw new DateTimeException(problem);
            }
            return date;
        }

        @Override
        public String print(LocalDate object, Locale locale) {
            return object.toString();
        }
    }

    static final class OffsetDateTimeFormatter implements Formatter<OffsetDateTime> {
        @Override
        public OffsetDateTime parse(String text, Locale locale) {
            OffsetDateTime time = OffsetDateTime.parse(text);
            String problem = outOfRange(time.toInstant());
            if (problem != null) {
                throw new DateTimeException(problem);
            }
            return time;
        }

        @Override
        public String print(OffsetDateTime object, Locale locale) {
            return object.withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
    }

    private InputRules() {
    }
}
