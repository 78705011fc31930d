package org.ws2.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.evidence.EvidenceLog;
import org.ws2.reporting.picture.Picture;
import org.ws2.reporting.picture.Picture.Engagement;
import org.ws2.reporting.picture.Picture.Group;
import org.ws2.reporting.picture.Picture.Recommendation;
import org.ws2.reporting.picture.Pictures;
import org.ws2.reporting.report.ReportModels.EngagementLink;
import org.ws2.reporting.report.ReportModels.Flag;
import org.ws2.reporting.report.ReportModels.MatrixRow;
import org.ws2.reporting.report.ReportModels.OrgFocus;
import org.ws2.reporting.report.ReportModels.Quarterly;
import org.ws2.reporting.report.ReportModels.RecommendationRef;
import org.ws2.reporting.report.ReportModels.SoacLine;
import org.ws2.service.problem.ApiProblem;

/**
 * The quarterly report in the shape of the WS2 implementation team's update: SO/AC work, coordination,
 * org's focus, engagement and its links, newly complete recommendations with their evidence, and the matrix.
 */
@Component
@RequiredArgsConstructor
public class QuarterlyReports {

    private final Pictures pictures;
    private final EvidenceLog evidence;

    /**
     * Refuses a quarter there is nothing to report on: one that has not begun, or one that ended before the
     * first change the reports know of (422 problems).
     */
    public void requireReportable(Quarter q, Instant now) {
        if (q.start().isAfter(now)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "quarter-in-future", "Quarter not begun",
                    q + " has not begun; there is nothing to report yet.").with("quarter", q.toString());
        }
        Instant firstChange = pictures.firstChange().orElse(null);
        if (firstChange == null || firstChange.isAfter(q.end())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "quarter-before-data", "No data for that quarter",
                    q + " ended before the first change the reports know of"
                            + (firstChange == null ? "" : " (" + firstChange + ")") + ".")
                    .with("quarter", q.toString());
        }
    }

    /** The report's "SO/AC work" as of {@code asOf}, without the rest of the report (its matrix, its evidence). */
    public List<SoacLine> soacWork(Instant asOf, String programme) {
        return GroupStages.soacWork(pictures.at(asOf, programme));
    }

    /** One programme's report of {@code quarter} (WS2's is the WS2 implementation team's update). */
    public Quarterly quarterly(Quarter quarter, Instant asOf, String programme) {
        Picture p = pictures.at(asOf, programme);
        Instant start = quarter.start();
        Picture atStart = pictures.at(start.isBefore(asOf) ? start : asOf, programme);
        List<Flag> flags = Reports.flags(p);
        List<Recommendation> org = p.recommendations().stream().filter(r -> r.ownership().inOrgPortfolio()).toList();
        Map<String, Long> targets = new TreeMap<>();
        org.stream().filter(r -> r.status() == RecommendationStatus.PLANNING)
                .forEach(r -> targets.merge(r.targetQuarter() == null ? "no target" : r.targetQuarter(), 1L, Long::sum));
        OrgFocus focus = new OrgFocus(
                p.groups().stream().filter(g -> g.kind() == GroupKind.ORG_FUNCTION).map(Group::name).toList(),
                count(org, RecommendationStatus.NOT_STARTED), count(org, RecommendationStatus.PLANNING),
                count(org, RecommendationStatus.IN_PROGRESS) + count(org, RecommendationStatus.ON_HOLD),
                count(org, RecommendationStatus.DOCUMENTING), count(org, RecommendationStatus.IMPLEMENTED), targets);
        LocalDate asOfDay = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        List<Engagement> engagements = p.engagements().stream()
                .filter(e -> e.heldOn() != null && !e.heldOn().isBefore(quarter.firstDay())
                        && !e.heldOn().isAfter(quarter.lastDay()) && !e.heldOn().isAfter(asOfDay))
                .toList();
        List<EngagementLink> links = engagements.stream()
                .flatMap(e -> e.links().stream().map(l -> new EngagementLink(e.title(), e.heldOn(), l.title(), l.url())))
                .toList();
        Map<String, Recommendation> was = atStart.recommendationsById();
        List<MatrixRow> matrix = Reports.matrixRows(p);
        List<RecommendationRef> newlyComplete = p.recommendations().stream()
                .filter(r -> r.status() == RecommendationStatus.IMPLEMENTED)
                .filter(r -> was.get(r.id()) == null || was.get(r.id()).status() != RecommendationStatus.IMPLEMENTED)
                .map(Reports::ref).toList();
        return new Quarterly(quarter.toString(), quarter.label(), quarter.firstDay(), quarter.lastDay(), asOf,
                GroupStages.soacWork(p), flags.stream().filter(f -> f.level() == CoordinationLevel.REQUIRED).toList(),
                flags.stream().filter(f -> f.level() == CoordinationLevel.WOULD_BENEFIT).toList(),
                Reports.suggestions(p), focus, engagements, links, newlyComplete,
                evidence.asOf(newlyComplete.stream().map(RecommendationRef::id).toList(), asOf), matrix, matrix.size());
    }

    private static long count(List<Recommendation> recommendations, RecommendationStatus status) {
        return recommendations.stream().filter(r -> r.status() == status).count();
    }
}
