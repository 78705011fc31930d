package org.ws2.contracts.report;

import java.time.Instant;

import org.ws2.contracts.EventType;
import org.ws2.contracts.recommendation.Programmes;

/**
 * The events on {@code ws2.reports.v1}, keyed by edition: WS2's by its quarter ({@code 2021-Q2}),
 * another programme's by its code and quarter ({@code ATRT3-2021-Q2}): what the reporting service
 * publishes of its own, the quarterly update editions. Published data only: the event names no person.
 */
public final class ReportEvents {

    public static final String SOURCE = "/ws2/reporting-service";

    public static final String EDITION_PUBLISHED = "org.ws2.report.edition-published.v1";

    /**
     * A quarterly update edition was published, or a correction of it was (a new revision). The revision is
     * frozen: reading it later, at {@code url}, gives what was published, whatever changes after.
     *
     * @param quarter        e.g. {@code 2021-Q2}
     * @param label          as the update titles it, e.g. {@code Q2 2021}
     * @param revision       1 when first published; each correction adds one
     * @param version        the edition's version after publishing (every draft edit moved it too)
     * @param url            where people read the edition: the public base URL and {@code /reports/{quarter}},
     *                       with {@code ?programme=} for another programme's
     * @param publishedAt    when this revision was published
     * @param correctionNote why the revision corrects the one before; null for revision 1
     * @param programme      whose edition it is: WS2, or another review's code (ATRT3…); each programme has
     *                       its own edition of a quarter. Null in events of before programmes: WS2's
     */
    @EventType(EDITION_PUBLISHED)
    public record EditionPublished(
            String quarter,
            String label,
            int revision,
            long version,
            String url,
            Instant publishedAt,
            String correctionNote,
            String programme) implements ReportEvent {

        /** The programme whose edition it is; WS2 for events of before programmes, which name none. */
        public String programmeOrWs2() {
            return programme == null ? Programmes.WS2 : programme;
        }
    }

    private ReportEvents() {
    }
}
