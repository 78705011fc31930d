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
import java.util.function.Function;

import org.springframework.format.Formatter;

/**
 * What every text and date a service accepts must satisfy, whatever the endpoint: no NUL character
 * (PostgreSQL cannot store one, so it would fail late, as a 500) and dates within years 1 to 9999
 * (ISO 8601's ordinary range; PostgreSQL's timestamps end in year 294276). An optional text left
 * blank means "not given" ({@link #blankToNull}).
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

    /**
     * An optional text as stored: stripped, and null when the client left it blank, so that "" and
     * "  " mean "not given", as an absent field does.
     */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /*
     * Query parameters and path variables: ISO 8601 within the accepted years; an instant is
     * written with or without an offset ({@code 2021-06-30T00:00:00Z}, {@code 2021-06-30T02:00:00+02:00}).
     */
    static final Formatter<Instant> INSTANTS = new InRange<>(InputRules::parseInstant, InputRules::outOfRange,
            Instant::toString);
    static final Formatter<LocalDate> DATES = new InRange<>(LocalDate::parse, InputRules::outOfRange,
            LocalDate::toString);
    static final Formatter<OffsetDateTime> OFFSET_DATE_TIMES = new InRange<>(OffsetDateTime::parse,
            time -> outOfRange(time.toInstant()), time -> time.withOffsetSameInstant(ZoneOffset.UTC).toString());

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
        }
    }

    /**
     * A request parameter's date or time: parsed, then refused with a {@link DateTimeException}
     * (answered as a 400) when it falls outside the accepted years.
     */
    private record InRange<T>(Function<String, T> parser, Function<T, String> outOfRange,
            Function<T, String> printer) implements Formatter<T> {

        @Override
        public T parse(String text, Locale locale) {
            T value = parser.apply(text);
            String problem = outOfRange.apply(value);
            if (problem != null) {
                throw new DateTimeException(problem);
            }
            return value;
        }

        @Override
        public String print(T value, Locale locale) {
            return printer.apply(value);
        }
    }

    private InputRules() {
    }
}
