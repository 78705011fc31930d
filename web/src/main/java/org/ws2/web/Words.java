package org.ws2.web;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The API's vocabulary in the words people use, for the templates ({@code ${@words.of(r.status)}}): the
 * API speaks {@code IN_PROGRESS} and {@code 2021-06-28T00:00:00Z}; ICANN's updates say "In progress" and
 * "28 June 2021". Form values stay the API's own; only what a person reads changes.
 */
@Component("words")
public class Words {

    /** Where the plain rule (capitalise, underscores to spaces) would not read as ICANN writes it. */
    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("ORG", "ICANN org"),
            Map.entry("CO_OWNED", "Co-owned"),
            // group kinds, as ICANN's bylaws name them
            Map.entry("SO", "Supporting Organization"),
            Map.entry("AC", "Advisory Committee"),
            Map.entry("GNSO_SG", "GNSO stakeholder group"),
            Map.entry("GNSO_C", "GNSO constituency"),
            Map.entry("RALO", "Regional At-Large Organization"),
            Map.entry("CROSS_COMMUNITY", "Cross-community structure"),
            Map.entry("ORG_FUNCTION", "ICANN org function"));

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** {@code IN_PROGRESS} → "In progress", {@code CO_OWNED} → "Co-owned"; null stays null. */
    public String of(Object value) {
        if (value == null) {
            return null;
        }
        String name = value.toString();
        String special = SPECIAL.get(name);
        if (special != null) {
            return special;
        }
        // the noun is hyphenated ("a sign-off reminder"), the verb is not ("signed off")
        String spaced = (" " + name.replace('_', ' ').toLowerCase(Locale.ROOT) + " ").replace(" sign off ", " sign-off ").strip();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A priority triple as a group sets it: "High : Moderate : High", a dash for what is not set. */
    public String priority(Object priority, Object effort, Object urgency) {
        return orDash(of(priority)) + " : " + orDash(of(effort)) + " : " + orDash(of(urgency));
    }

    /**
     * An instant ({@code 2026-11-30T01:06:16.732603Z}) as "30 November 2026, 01:06 UTC", a date
     * ({@code 2021-06-28}) as "28 June 2021"; anything else as it came.
     */
    public String date(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        try {
            return text.length() <= 10 ? DAY.format(LocalDate.parse(text)) : MINUTE.format(Instant.parse(text));
        } catch (DateTimeParseException notADate) {
            return text;
        }
    }

    private static String orDash(String word) {
        return word == null ? "–" : word;
    }
}
