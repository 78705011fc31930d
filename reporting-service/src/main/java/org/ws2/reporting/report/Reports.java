package org.ws2.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.picture.Picture;
import org.ws2.reporting.picture.Picture.Assignment;
import org.ws2.reporting.picture.Picture.Engagement;
import org.ws2.reporting.picture.Picture.Group;
import org.ws2.reporting.picture.Picture.Recommendation;
import org.ws2.reporting.picture.Pictures;
import org.ws2.reporting.report.ReportModels.Changes;
import org.ws2.reporting.report.ReportModels.Coordination;
import org.ws2.reporting.report.ReportModels.Counts;
import org.ws2.reporting.report.ReportModels.Flag;
import org.ws2.reporting.report.ReportModels.Flagged;
import org.ws2.reporting.report.ReportModels.Groups;
import org.ws2.reporting.report.ReportModels.Matrix;
import org.ws2.reporting.report.ReportModels.MatrixRow;
import org.ws2.reporting.report.ReportModels.Position;
import org.ws2.reporting.report.ReportModels.ProgressReport;
import org.ws2.reporting.report.ReportModels.RecommendationRef;
import org.ws2.reporting.report.ReportModels.SignOff;
import org.ws2.reporting.report.ReportModels.Suggestion;
import org.ws2.reporting.report.ReportModels.TopicCounts;
import org.ws2.reporting.report.ReportModels.Waiting;

/**
 * Computes the dashboards' reports from {@link Picture}s: what was known, by effective time, at an instant.
 * {@link QuarterlyReports} assembles the quarterly one from the same parts.
 */
@Component
@RequiredArgsConstructor
public class Reports {

    static final String WAITING_SENTENCE = "will start after the completion of another recommendation";

    private final Pictures pictures;

    public ProgressReport progress(Instant asOf, String programme) {
        Picture p = pictures.at(asOf, programme);
        Map<RecommendationStatus, Long> byStatus = new EnumMap<>(RecommendationStatus.class);
        for (RecommendationStatus s : RecommendationStatus.values()) {
            byStatus.put(s, 0L);
        }
        p.recommendations().forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        Map<String, List<Recommendation>> byTopic = new TreeMap<>(Picture.BY_NUMBER);
        p.recommendations().forEach(r -> byTopic.computeIfAbsent(prefix(r), k -> new ArrayList<>()).add(r));
        List<TopicCounts> topics = byTopic.entrySet().stream()
                .map(e -> new TopicCounts(e.getKey(), e.getValue().get(0).topic(), e.getValue().size(),
                        publicCounts(e.getValue())))
                .toList();
        Map<String, Counts> portfolios = new LinkedHashMap<>();
        portfolios.put("ORG", counts(p.recommendations().stream().filter(r -> r.ownership().inOrgPortfolio()).toList()));
        portfolios.put("COMMUNITY",
                counts(p.recommendations().stream().filter(r -> r.ownership().inCommunityPortfolio()).toList()));
        portfolios.put("CO_OWNED",
                counts(p.recommendations().stream().filter(r -> r.ownership() == Ownership.CO_OWNED).toList()));
        return new ProgressReport(asOf, p.recommendations().size(), byStatus, publicCounts(p.recommendations()), topics,
                portfolios, waiting(p), flags(p));
    }

    public Groups groups(Instant asOf, String programme) {
        return new Groups(asOf, GroupStages.groupLines(pictures.at(asOf, programme)));
    }

    public Matrix matrix(Instant asOf, String topic, GroupKind groupKind, String programme) {
        Picture p = pictures.at(asOf, programme);
        List<MatrixRow> rows = matrixRows(p).stream()
                .filter(row -> groupKind == null || row.groupKind() == groupKind)
                .filter(row -> topic == null || topic.equalsIgnoreCase(row.topic())
                        || row.recommendationId().startsWith(topic + ".") || row.recommendationId().equals(topic))
                .toList();
        return new Matrix(asOf, topic, groupKind, rows);
    }

    public Changes changes(Instant from, Instant to, String programme) {
        Picture before = pictures.at(from, programme);
        Picture after = pictures.at(to, programme);
        Map<String, Recommendation> was = before.recommendationsById();
        List<RecommendationRef> complete = new ArrayList<>();
        List<RecommendationRef> started = new ArrayList<>();
        List<Flag> flagsRaised = new ArrayList<>();
        for (Recommendation r : after.recommendations()) {
            Recommendation old = was.get(r.id());
            if (r.status() == RecommendationStatus.IMPLEMENTED
                    && (old == null || old.status() != RecommendationStatus.IMPLEMENTED)) {
                complete.add(ref(r));
            }
            if (r.status().publicStatus() != PublicStatus.NOT_STARTED
                    && (old == null || old.status().publicStatus() == PublicStatus.NOT_STARTED)) {
                started.add(ref(r));
            }
            if (r.coordination() != CoordinationLevel.NONE && (old == null || old.coordination() != r.coordination())) {
                flagsRaised.add(flag(r));
            }
        }
        Set<String> signedBefore = before.assignments().stream().filter(a -> a.triage() == TriageState.SIGNED_OFF)
                .map(a -> a.groupId() + ":" + a.recommendationId()).collect(Collectors.toSet());
        Map<String, Group> groups = after.groupsById();
        List<SignOff> signOffs = after.assignments().stream().filter(a -> a.triage() == TriageState.SIGNED_OFF)
                .filter(a -> !signedBefore.contains(a.groupId() + ":" + a.recommendationId()))
                .map(a -> new SignOff(a.groupId(), groupName(groups, a.groupId()), a.recommendationId(),
                        a.recommendationTitle()))
                .toList();
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
        List<Engagement> held = after.engagements().stream()
                .filter(e -> e.heldOn() != null && !e.heldOn().isBefore(firstDay) && !e.heldOn().isAfter(lastDay))
                .toList();
        return new Changes(from, to, complete, started, signOffs, flagsRaised, held);
    }

    public Coordination coordination(Instant asOf, String programme) {
        Picture p = pictures.at(asOf, programme);
        Map<String, List<Assignment>> byRecommendation = p.assignmentsByRecommendation();
        Map<String, Group> groups = p.groupsById();
        List<Flagged> flagged = p.recommendations().stream().filter(r -> r.coordination() != CoordinationLevel.NONE)
                .map(r -> new Flagged(r.id(), r.title(), r.topic(), r.coordination(), r.coordinationRationale(),
                        positions(byRecommendation.getOrDefault(r.id(), List.of()), groups)))
                .toList();
        return new Coordination(asOf, flagged, suggestions(p));
    }

    /**
     * What the deck's team spotted by hand: a recommendation nobody flagged, whose groups' approved
     * priorities pull apart (HIGH for some, LOW or not applicable for others), would benefit from
     * SO/AC leadership coordinating it.
     */
    static List<Suggestion> suggestions(Picture p) {
        Map<String, Group> groups = p.groupsById();
        Map<String, List<Assignment>> byRecommendation = p.assignmentsByRecommendation();
        Map<String, Recommendation> recommendations = p.recommendationsById();
        List<Suggestion> suggestions = new ArrayList<>();
        for (Map.Entry<String, List<Assignment>> entry : byRecommendation.entrySet()) {
            Recommendation r = recommendations.get(entry.getKey());
            if (r != null && r.coordination() != CoordinationLevel.NONE) {
                continue;
            }
            List<String> high = names(entry.getValue(), groups, Priority.HIGH);
            List<String> low = names(entry.getValue(), groups, Priority.LOW);
            List<String> notApplicable = names(entry.getValue(), groups, Priority.NOT_APPLICABLE);
            if (high.isEmpty() || (low.isEmpty() && notApplicable.isEmpty())) {
                continue;
            }
            StringBuilder reason = new StringBuilder(String.join(", ", high)).append(" rank it high");
            if (!low.isEmpty()) {
                reason.append("; ").append(String.join(", ", low)).append(" rank it low");
            }
            if (!notApplicable.isEmpty()) {
                reason.append("; ").append(String.join(", ", notApplicable)).append(" judge it not applicable");
            }
            reason.append(": priorities diverge across groups, so it would benefit from community coordination and "
                    + "prioritization.");
            Assignment any = entry.getValue().get(0);
            suggestions.add(new Suggestion(entry.getKey(), r != null ? r.title() : any.recommendationTitle(),
                    r != null ? r.topic() : any.topic(), CoordinationLevel.WOULD_BENEFIT, reason.toString(),
                    positions(entry.getValue(), groups)));
        }
        suggestions.sort((a, b) -> Picture.BY_NUMBER.compare(a.id(), b.id()));
        return suggestions;
    }
    static List<MatrixRow> matrixRows(Picture p) {
        Map<String, Group> groups = p.groupsById();
        Map<String, Recommendation> recommendations = p.recommendationsById();
        return p.assignments().stream().map(a -> {
            Recommendation r = recommendations.get(a.recommendationId());
            Group g = groups.get(a.groupId());
            boolean approved = !a.priorityDraft();
            return new MatrixRow(a.recommendationId(), r != null ? r.title() : a.recommendationTitle(),
                    r != null ? r.topic() : a.topic(), a.groupId(), g != null ? g.name() : a.groupId(),
                    g != null ? g.kind() : null, a.triage(), approved ? a.priority() : null,
                    approved ? a.effort() : null, approved ? a.urgency() : null, a.priorityDraft(),
                    a.progress(), a.scope(), a.delegatedTo(), forWhom(a, groups));
        }).toList();
    }

    /**
     * The matrix cell saying whom a share is for, in people's words: "Handed to RySG, RrSG" (the children's
     * rows carry the work), "Its child groups", "The community as a whole"; empty for the group's own share.
     */
    static String forWhom(Assignment a, Map<String, Group> groups) {
        if (a.handedDown()) {
            return "Handed to " + a.delegatedTo().stream().map(id -> groupName(groups, id))
                    .collect(Collectors.joining(", "));
        }
        return a.scope() == AssignmentScope.GROUP ? "" : Words.of(a.scope());
    }

    private static List<Waiting> waiting(Picture p) {
        Map<String, Recommendation> byId = p.recommendationsById();
        List<Waiting> waiting = new ArrayList<>();
        for (Recommendation r : p.recommendations()) {
            if (r.status() != RecommendationStatus.NOT_STARTED) {
                continue;
            }
            List<String> open = r.dependsOn().stream()
                    .filter(d -> byId.get(d) == null || byId.get(d).status() != RecommendationStatus.IMPLEMENTED)
                    .toList();
            if (!open.isEmpty()) {
                waiting.add(new Waiting(r.id(), r.title(), open, WAITING_SENTENCE));
            }
        }
        return waiting;
    }

    /** Every recommendation flagged for coordination. */
    static List<Flag> flags(Picture p) {
        return p.recommendations().stream().filter(r -> r.coordination() != CoordinationLevel.NONE)
                .map(Reports::flag).toList();
    }

    private static Flag flag(Recommendation r) {
        return new Flag(r.id(), r.title(), r.topic(), r.coordination(), r.coordinationRationale());
    }

    static RecommendationRef ref(Recommendation r) {
        return new RecommendationRef(r.id(), r.title(), r.topic());
    }

    private static List<Position> positions(List<Assignment> assignments, Map<String, Group> groups) {
        return assignments.stream().map(a -> new Position(a.groupId(), groupName(groups, a.groupId()), a.triage(),
                a.approvedPriority(), a.progress())).toList();
    }

    private static List<String> names(List<Assignment> assignments, Map<String, Group> groups, Priority priority) {
        return assignments.stream().filter(a -> !a.handedDown() && a.approvedPriority() == priority)
                .map(a -> groupName(groups, a.groupId())).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private static String groupName(Map<String, Group> groups, String id) {
        Group g = groups.get(id);
        return g == null ? id : g.name();
    }

    private static String prefix(Recommendation r) {
        return Objects.requireNonNullElseGet(r.topicPrefix(), () -> r.id().split("\\.")[0]);
    }

    private static Counts counts(List<Recommendation> recommendations) {
        return new Counts(recommendations.size(), publicCounts(recommendations));
    }

    private static Map<PublicStatus, Long> publicCounts(List<Recommendation> recommendations) {
        Map<PublicStatus, Long> counts = new EnumMap<>(PublicStatus.class);
        for (PublicStatus s : PublicStatus.values()) {
            counts.put(s, 0L);
        }
        recommendations.forEach(r -> counts.merge(r.status().publicStatus(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }
}
