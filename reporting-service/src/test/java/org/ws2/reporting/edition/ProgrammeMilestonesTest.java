package org.ws2.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.reporting.edition.Editions.Edition;
import org.ws2.reporting.edition.Sections.Milestone;
import org.ws2.reporting.edition.Sections.MilestoneStatus;

/** Whether a programme milestone is late is judged in the quarter it is now, whatever edition it comes from. */
class ProgrammeMilestonesTest {

    static final Instant Q4_2021 = Instant.parse("2021-10-01T00:00:00Z");

    @Test
    void withNoPublishedEditionThereIsNothingToShow() {
        ProgrammeMilestones none = ProgrammeMilestones.of(null, Q4_2021, quarter -> "/reports/" + quarter);

        assertThat(none.edition()).isNull();
        assertThat(none.milestones()).isEmpty();
        assertThat(none.currentQuarter()).isEqualTo("2021-Q4");
    }

    @Test
    void aMilestoneIsLateOnceItsTargetQuarterHasEndedUnlessComplete() {
        Edition q2 = new Edition("WS2", "2021-Q2", EditionStatus.PUBLISHED, 4, new Sections(null, null, null, List.of(
                new Milestone("Implementation planning", "2021-Q3", MilestoneStatus.IN_PROGRESS),
                new Milestone("Engagement plan", "2021-Q3", MilestoneStatus.COMPLETE),
                new Milestone("Documenting implementation", "2021-Q4", MilestoneStatus.NOT_STARTED)), null, null, null),
                1, Q4_2021, Q4_2021);

        ProgrammeMilestones now = ProgrammeMilestones.of(q2, Q4_2021, quarter -> "/reports/" + quarter);

        assertThat(now.edition()).isEqualTo(new ProgrammeMilestones.From("2021-Q2", "Q2 2021", 1, "/reports/2021-Q2"));
        assertThat(now.milestones()).extracting(ProgrammeMilestones.Line::late).containsExactly(true, false, false);
        assertThat(now.milestones().get(0).targetLabel()).isEqualTo("Q3 2021");
        // the last instant of Q3 2021: its target quarter has not ended yet
        assertThat(ProgrammeMilestones.of(q2, Instant.parse("2021-09-30T23:59:59Z"), quarter -> quarter).milestones())
                .extracting(ProgrammeMilestones.Line::late).containsExactly(false, false, false);
    }
}
