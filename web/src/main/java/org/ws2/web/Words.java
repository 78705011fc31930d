package org.ws2.web;

import org.springframework.stereotype.Component;
import org.ws2.contracts.Vocabulary;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.web.signin.SignedInUser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The API's vocabulary in the words people use, for the templates ({@code ${@words.of(r.status)}}): the
 * API speaks {@code IN_PROGRESS} and {@code 2021-06-28T00:00:00Z}; ICANN's updates say "In progress" and
 * "28 June 2021". Form values stay the API's own; only what a person reads changes.
 */
@Component("words")
public class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** {@code IN_PROGRESS} → "In progress", {@code CO_OWNED} → "Co-owned"; null stays null. */
    public String of(Object value) {
        return Vocabulary.words(value);
    }

    /**
     * Whom an assignment is for, as the API names it ({@code CHILDREN}) in the updates' words ("Its child
     * groups"): read as the contracts' own constant, for {@code COMMUNITY} is also an ownership with a word of its
     * own. A value the contracts do not know is shown as {@link #of} would.
     */
    public String scope(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Vocabulary.words(AssignmentScope.valueOf(value.toString()));
        } catch (IllegalArgumentException unknown) {
            return of(value);
        }
    }

    /** A role as people say it: {@code group-editor} → "group editor" (see {@link SignedInUser#roleInWords}). */
    public String role(String role) {
        return role == null ? null : SignedInUser.roleInWords(role);
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
