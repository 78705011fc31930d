package org.ws2.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ws2.service.problem.ApiProblem;

/** A calendar quarter, written {@code 2021-Q2}; its days are counted in UTC. */
public record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Quarter parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toUpperCase());
        if (!m.matches()) {
            throw ApiProblem.invalidInput("quarter", "must be a year and quarter such as 2021-Q2");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter {@code instant} falls in (UTC). */
    public static Quarter containing(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public Instant start() {
        return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last instant of the quarter's last day that PostgreSQL can hold (microseconds). */
    public Instant end() {
        return firstDay().plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
    }

    /** As the deck titles it: "Q2 2021". */
    public String label() {
        return "Q" + number + " " + year;
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
