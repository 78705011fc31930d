package org.ws2.reporting.edition;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ws2.reporting.edition.Sections.MilestoneStatus;
import org.ws2.reporting.edition.Sections.Workstream;
import org.ws2.reporting.report.ReportModels.Quarterly;

/**
 * What an edition says: the generated facts as of {@code asOf} and the team's sections, joined the way the update
 * prints them. A published revision is this, frozen; a draft is this, built afresh on every read.
 *
 * @param programme      the programme whose edition it is, when not WS2; null (and absent from the JSON) for WS2's,
 *                       which reads as before programmes
 * @param revision       the published revision it is, or 0 for a draft
 * @param facts          the quarterly report's facts; its org focus names only the org functions with work in the
 *                       quarter, and it carries no matrix (the update has none)
 * @param soacWork       each generated stage sentence with the team's lines for its groups
 * @param correctionNote why this revision corrects the one before; null for a draft and for revision 1
 */
public record EditionContent(@JsonInclude(JsonInclude.Include.NON_NULL) String programme, String quarter, String label,
        int revision, Instant asOf, Instant publishedAt,
        String correctionNote, String url, Headline headline, Quarterly facts, List<SoacEntry> soacWork,
        List<String> highlights, List<Workstream> workstreams, List<MilestoneLine> milestones, List<String> asks,
        List<String> aob, String contact) {

    /** ICANN's headline: each portfolio by its three public words (co-owned recommendations count in both). */
    public record Headline(Portfolio org, Portfolio community) {
    }

    public record Portfolio(long total, long notStarted, long inProgress, long complete) {
    }

    /** One generated line of "SO/AC work" and, beside it, what the team wrote of its groups. */
    public record SoacEntry(String who, List<String> groupIds, String sentence, List<String> editorial) {
    }

    /** A programme milestone; {@code late} when its target quarter has ended (by {@code asOf}) and it is not complete. */
    public record MilestoneLine(String name, String targetQuarter, MilestoneStatus status, boolean late) {
    }
}
