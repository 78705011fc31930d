package org.ws2.reporting.edition;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ws2.reporting.report.Quarter;
import org.ws2.service.problem.ApiProblem;

/**
 * The team's own words in an edition, beside the generated facts: what the deck says that no event records.
 *
 * @param groupLines  a line per group, shown beside the group's generated stage sentence
 * @param highlights  the quarter's highlights
 * @param workstreams the org's workstreams (engagement, support to community groups, reporting) and how each stands
 * @param milestones  programme milestones with their target quarter; whether one is late is worked out
 * @param asks        what the team asks of the community
 * @param aob         any other business
 * @param contact     where to write to the team, e.g. an address of the implementation team
 */
public record Sections(List<GroupLine> groupLines, List<String> highlights, List<Workstream> workstreams,
        List<Milestone> milestones, List<String> asks, List<String> aob, String contact) {

    /** Bounds that keep an edition a readable update, and its frozen formats small. */
    static final int MAX_ITEMS = 50;
    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 200;

    public record GroupLine(String groupId, String text) {
    }

    public record Workstream(String name, String status) {
    }

    public enum MilestoneStatus {
        NOT_STARTED, IN_PROGRESS, COMPLETE
    }

    public record Milestone(String name, String targetQuarter, MilestoneStatus status) {

        /** Late at {@code when}: its target quarter has ended by then and it is not complete. */
        boolean lateAt(Instant when) {
            return status != MilestoneStatus.COMPLETE && !Quarter.parse(targetQuarter).end().isAfter(when);
        }
    }

    static final Sections EMPTY = new Sections(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);

    /** Absent lists are empty ones; blank text is absent. */
    public Sections {
        groupLines = groupLines == null ? List.of() : List.copyOf(groupLines);
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
        workstreams = workstreams == null ? List.of() : List.copyOf(workstreams);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        asks = asks == null ? List.of() : List.copyOf(asks);
        aob = aob == null ? List.of() : List.copyOf(aob);
        contact = contact == null || contact.isBlank() ? null : contact.strip();
    }

    /**
     * Checks every field before anything is stored (400 problems naming the field).
     *
     * @param groupsWithLines the groups that have a generated stage sentence, the only ones a line can stand beside
     */
    void validate(Set<String> groupsWithLines) {
        Set<String> seen = new HashSet<>();
        items("sections.groupLines", groupLines);
        for (int i = 0; i < groupLines.size(); i++) {
            GroupLine line = groupLines.get(i);
            String field = "sections.groupLines[" + i + "]";
            if (line == null) {
                throw ApiProblem.invalidInput(field, "must not be null");
            }
            text(field + ".groupId", line.groupId(), MAX_NAME);
            text(field + ".text", line.text(), MAX_TEXT);
            if (!seen.add(line.groupId())) {
                throw ApiProblem.invalidInput(field + ".groupId", line.groupId() + " has a line already");
            }
            if (!groupsWithLines.contains(line.groupId())) {
                throw ApiProblem.invalidInput(field + ".groupId", line.groupId()
                        + " has no stage sentence in this quarter's SO/AC work, so there is nothing to stand beside");
            }
        }
        texts("sections.highlights", highlights);
        items("sections.workstreams", workstreams);
        for (int i = 0; i < workstreams.size(); i++) {
            String field = "sections.workstreams[" + i + "]";
            Workstream w = Objects.requireNonNullElse(workstreams.get(i), new Workstream(null, null));
            text(field + ".name", w.name(), MAX_NAME);
            text(field + ".status", w.status(), MAX_TEXT);
        }
        items("sections.milestones", milestones);
        for (int i = 0; i < milestones.size(); i++) {
            String field = "sections.milestones[" + i + "]";
            Milestone m = Objects.requireNonNullElse(milestones.get(i), new Milestone(null, null, null));
            text(field + ".name", m.name(), MAX_NAME);
            try {
                Quarter.parse(m.targetQuarter());
            } catch (ApiProblem e) {
                throw ApiProblem.invalidInput(field + ".targetQuarter", "must be a year and quarter such as 2021-Q3");
            }
            if (m.status() == null) {
                throw ApiProblem.invalidInput(field + ".status", "must be one of NOT_STARTED, IN_PROGRESS, COMPLETE");
            }
        }
        texts("sections.asks", asks);
        texts("sections.aob", aob);
        if (contact != null && contact.length() > MAX_NAME) {
            throw ApiProblem.invalidInput("sections.contact", "must be at most " + MAX_NAME + " characters");
        }
    }

    private static void items(String field, List<?> list) {
        if (list.size() > MAX_ITEMS) {
            throw ApiProblem.invalidInput(field, "must have at most " + MAX_ITEMS + " items");
        }
    }

    private static void texts(String field, List<String> list) {
        items(field, list);
        for (int i = 0; i < list.size(); i++) {
            text(field + "[" + i + "]", list.get(i), MAX_TEXT);
        }
    }

    private static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidInput(field, "must not be blank");
        }
        if (value.length() > max) {
            throw ApiProblem.invalidInput(field, "must be at most " + max + " characters");
        }
    }
}
