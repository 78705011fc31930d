package org.ws2.web.assignment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An assignment's history ({@code GET /api/groups/{g}/assignments/{r}/history}, oldest first) as sentences, newest
 * first like the recommendation's timeline. The API withholds the actor from anonymous readers and a comment's
 * author and text from readers outside the group and support, so each sentence must read whole without them:
 * "Comment added on 28 June 2021", and with an actor "Sign-off requested by sam.support on 28 June 2021".
 */
public final class AssignmentTimeline {

    /** What each kind of step the groups service records is called (SignOffWorkflow, Priorities, ...). */
    private static final Map<String, String> WHAT = Map.of(
            "triaged", "Triaged to the group",
            "sign-off-requested", "Sign-off requested",
            "signed-off", "Signed off",
            "changes-requested", "Changes requested",
            "revised", "Triage revised",
            "prioritized", "Priority set",
            "priorities-approved", "Priority approved",
            "commented", "Comment added",
            "progress-reported", "Progress reported");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * One step as a person reads it.
     *
     * @param at   the instant as the API gave it, for {@code <time datetime>}
     * @param note the step's note or comment, null when there is none or it is withheld
     */
    public record Step(String sentence, String at, String note) {
    }

    public static List<Step> newestFirst(List<Map<String, Object>> history) {
        List<Step> steps = new ArrayList<>();
        for (Map<String, Object> entry : history) {
            steps.add(step(entry));
        }
        Collections.reverse(steps);
        return steps;
    }

    static Step step(Map<String, Object> entry) {
        String kind = text(entry.get("kind"));
        String actor = text(entry.get("actor"));
        String at = text(entry.get("at"));
        StringBuilder sentence = new StringBuilder(what(kind));
        if (actor != null) {
            sentence.append(" by ").append(actor);
        }
        String day = day(at);
        if (day != null) {
            sentence.append(" on ").append(day);
        }
        return new Step(sentence.toString(), at, text(entry.get("note")));
    }

    /** A kind this page does not know yet reads as itself: "some-new-step" → "Some new step". */
    private static String what(String kind) {
        if (kind == null) {
            return "Changed";
        }
        String known = WHAT.get(kind);
        if (known != null) {
            return known;
        }
        String spaced = kind.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? "Changed" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String day(String at) {
        if (at == null) {
            return null;
        }
        try {
            return DAY.format(Instant.parse(at));
        } catch (DateTimeParseException notAnInstant) {
            return at;
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private AssignmentTimeline() {
    }
}
