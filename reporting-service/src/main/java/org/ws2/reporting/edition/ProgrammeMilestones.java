package org.ws2.reporting.edition;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.ws2.reporting.edition.Editions.Edition;
import org.ws2.reporting.edition.Sections.MilestoneStatus;
import org.ws2.reporting.report.Quarter;

/**
 * The programme milestones as they stand today: those of the newest published edition (its latest revision), each
 * late when its target quarter has ended and it is not complete. Lateness is judged against today, not the edition's
 * quarter: a milestone on time in the Q2 update is late once its target quarter is over, though the frozen edition
 * still says it was not.
 *
 * @param edition        the edition the milestones come from; null when none is published (then no milestones)
 * @param currentQuarter the quarter lateness is judged in
 */
record ProgrammeMilestones(From edition, String currentQuarter, List<Line> milestones) {

    record From(String quarter, String label, int revision, String url) {
    }

    /** @param targetLabel the target quarter as the update writes it: "Q3 2021" */
    record Line(String name, String targetQuarter, String targetLabel, MilestoneStatus status, boolean late) {
    }

    /** @param url where people read an edition, by its quarter */
    static ProgrammeMilestones of(Edition published, Instant now, UnaryOperator<String> url) {
        String current = Quarter.containing(now).toString();
        if (published == null) {
            return new ProgrammeMilestones(null, current, List.of());
        }
        List<Line> lines = published.sections().milestones().stream()
                .map(m -> new Line(m.name(), m.targetQuarter(), Quarter.parse(m.targetQuarter()).label(), m.status(),
                        m.lateAt(now)))
                .toList();
        return new ProgrammeMilestones(new From(published.quarter(), Quarter.parse(published.quarter()).label(),
                published.revision(), url.apply(published.quarter())), current, lines);
    }
}
