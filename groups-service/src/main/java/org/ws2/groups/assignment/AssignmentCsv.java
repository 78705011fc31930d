package org.ws2.groups.assignment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ws2.contracts.assignment.AssignmentEvents.Comment;

/**
 * A group's assignments in the shape of the SO/AC prioritization sheets (ALAC's: one row per
 * recommendation with its priority, effort, urgency and comments), for people who work in a
 * spreadsheet.
 */
final class AssignmentCsv {

    static final String HEADER = "Recommendation,Title,Priority : Effort : Urgency,Status,Comments";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    static String write(List<Assignment> assignments) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Assignment a : assignments) {
            csv.append(String.join(",", cell(a.recommendationId()), cell(a.recommendationTitle()), cell(judgement(a)),
                    cell(status(a)), cell(comments(a)))).append("\r\n");
        }
        return csv.toString();
    }

    /** "HIGH : MODERATE : MEDIUM", "(draft)" until approved; a not-applicable judgement gives its reason. */
    static String judgement(Assignment a) {
        if (a.priority() == null) {
            return a.priorityDraft() ? "(draft)" : ""; // a draft the reader may not see
        }
        String text = a.priority() + " : " + orBlank(a.effort()) + " : " + orBlank(a.urgency());
        return a.priorityDraft() ? text + " (draft)" : text;
    }

    /** Triage state, then implementation progress, as the sheets' status column mixed the two. */
    static String status(Assignment a) {
        return a.triage() + " / " + a.progress();
    }

    private static String comments(Assignment a) {
        List<String> parts = new ArrayList<>();
        if (a.applicabilityNote() != null) {
            parts.add("Applicability: " + a.applicabilityNote());
        }
        if (a.notApplicableReason() != null) {
            parts.add("Not applicable: " + a.notApplicableReason());
        }
        if (a.progressNote() != null) {
            parts.add("Progress: " + a.progressNote());
        }
        parts.addAll(a.comments().stream().map(AssignmentCsv::comment).collect(Collectors.toList()));
        return String.join(" | ", parts);
    }

    private static String comment(Comment c) {
        return c.author() + " (" + DAY.format(c.at()) + "): " + c.text();
    }

    private static String orBlank(Object value) {
        return value == null ? "-" : value.toString();
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an
     * apostrophe, since comments are free text from many hands.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private AssignmentCsv() {
    }
}
