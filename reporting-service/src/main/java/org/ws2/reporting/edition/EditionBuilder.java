package org.ws2.reporting.edition;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.reporting.edition.EditionContent.Headline;
import org.ws2.reporting.edition.EditionContent.MilestoneLine;
import org.ws2.reporting.edition.EditionContent.Portfolio;
import org.ws2.reporting.edition.EditionContent.SoacEntry;
import org.ws2.reporting.edition.Sections.GroupLine;
import org.ws2.reporting.picture.Picture;
import org.ws2.reporting.picture.Picture.Assignment;
import org.ws2.reporting.picture.Picture.Recommendation;
import org.ws2.reporting.picture.Pictures;
import org.ws2.reporting.report.Quarter;
import org.ws2.reporting.report.QuarterlyReports;
import org.ws2.reporting.report.ReportModels.OrgFocus;
import org.ws2.reporting.report.ReportModels.Quarterly;

/**
 * Builds an edition from the read model: the quarterly report's facts as of the quarter's end (or now, while the
 * quarter runs), ICANN's headline counts, the org functions that had work in the quarter, and the team's sections.
 * Two pictures (the quarter's start and its end), each read once; the report reads them too, from the pictures'
 * cache.
 */
@Component
@RequiredArgsConstructor
class EditionBuilder {

    private final QuarterlyReports reports;
    private final Pictures pictures;

    /** When the facts of {@code quarter} are taken: its end, or now while it runs. */
    static Instant factsAsOf(Quarter quarter, Instant now) {
        return quarter.end().isAfter(now) ? now : quarter.end();
    }

    /** One programme's edition: its facts are that programme's only, whatever else is tracked. */
    EditionContent build(String programme, Quarter quarter, Instant asOf, Sections sections, int revision,
            Instant publishedAt, String correctionNote, String url) {
        Quarterly report = reports.quarterly(quarter, asOf, programme).withMatrixCutTo(0);
        Picture end = pictures.at(asOf, programme);
        Picture start = pictures.at(quarter.start().isBefore(asOf) ? quarter.start() : asOf, programme);
        OrgFocus focus = report.orgFocus();
        OrgFocus withWork = new OrgFocus(orgFunctionsWithWork(start, end), focus.notStarted(), focus.planning(),
                focus.underway(), focus.documenting(), focus.complete(), focus.planningTargets());
        Quarterly facts = new Quarterly(report.quarter(), report.label(), report.firstDay(), report.lastDay(),
                report.asOf(), report.soacWork(), report.coordinationRequired(), report.coordinationWouldBenefit(),
                report.coordinationSuggestions(), withWork, report.engagements(), report.links(),
                report.newlyComplete(), report.evidence(), List.of(), report.matrixTotal());
        Map<String, String> lines = sections.groupLines().stream()
                .collect(Collectors.toMap(GroupLine::groupId, GroupLine::text));
        List<SoacEntry> soac = report.soacWork().stream()
                .map(l -> new SoacEntry(l.who(), l.groupIds(), l.sentence(),
                        l.groupIds().stream().filter(lines::containsKey).map(lines::get).toList()))
                .toList();
        List<MilestoneLine> milestones = sections.milestones().stream()
                .map(m -> new MilestoneLine(m.name(), m.targetQuarter(), m.status(), m.lateAt(asOf)))
                .toList();
        // WS2's content is as it was before programmes: it names none
        return new EditionContent(Programmes.WS2.equals(programme) ? null : programme, quarter.toString(),
                quarter.label(), revision, asOf, publishedAt, correctionNote, url,
                headline(end), facts, soac, sections.highlights(), sections.workstreams(), milestones, sections.asks(),
                sections.aob(), sections.contact());
    }

    /** The groups a team's line may stand beside: those in the generated "SO/AC work" as of {@code asOf}. */
    Set<String> groupsWithStageSentences(String programme, Instant asOf) {
        Set<String> ids = new HashSet<>();
        reports.soacWork(asOf, programme).forEach(line -> ids.addAll(line.groupIds()));
        return ids;
    }

    private static Headline headline(Picture p) {
        return new Headline(portfolio(p.recommendations().stream().filter(r -> r.ownership().inOrgPortfolio()).toList()),
                portfolio(p.recommendations().stream().filter(r -> r.ownership().inCommunityPortfolio()).toList()));
    }

    private static Portfolio portfolio(List<Recommendation> recommendations) {
        Map<PublicStatus, Long> by = recommendations.stream()
                .collect(Collectors.groupingBy(r -> r.status().publicStatus(), Collectors.counting()));
        return new Portfolio(recommendations.size(), by.getOrDefault(PublicStatus.NOT_STARTED, 0L),
                by.getOrDefault(PublicStatus.IN_PROGRESS, 0L), by.getOrDefault(PublicStatus.COMPLETE, 0L));
    }

    /**
     * The org functions that had work in the quarter: one of their assignments changed during it, or was being
     * implemented at its end. Today's quarterly report names all thirteen functions whether or not they did anything.
     */
    static List<String> orgFunctionsWithWork(Picture start, Picture end) {
        Map<String, Assignment> before = start.assignments().stream()
                .collect(Collectors.toMap(a -> a.groupId() + " " + a.recommendationId(), Function.identity(),
                        (a, b) -> b));
        Set<String> working = end.assignments().stream()
                .filter(a -> a.progress() == Progress.IN_PROGRESS
                        || !a.equals(before.get(a.groupId() + " " + a.recommendationId())))
                .map(Assignment::groupId).collect(Collectors.toSet());
        return end.groups().stream().filter(g -> g.kind() == GroupKind.ORG_FUNCTION && working.contains(g.id()))
                .map(Picture.Group::name).toList();
    }
}
