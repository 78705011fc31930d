package org.ws2.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.GroupStageRule;
import org.ws2.contracts.assignment.GroupStageRule.AssignmentState;
import org.ws2.contracts.assignment.GroupStageRule.Stage;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.evidence.EvidenceLog.EvidenceLink;
import org.ws2.reporting.picture.Picture.Engagement;

/** The reports' answers. Only published data: approved priorities, no contacts, no comment threads. */
public final class ReportModels {

    private ReportModels() {
    }

    public record RecommendationRef(String id, String title, String topic) {
    }

    public record Counts(long total, Map<PublicStatus, Long> byPublicStatus) {
    }

    public record TopicCounts(String prefix, String topic, long total, Map<PublicStatus, Long> byPublicStatus) {
    }

    /** @param sentence how ICANN says it: "will start after the completion of another recommendation" */
    public record Waiting(String id, String title, List<String> waitsOn, String sentence) {
    }

    public record Flag(String id, String title, String topic, CoordinationLevel level, String rationale) {
    }

    /**
     * @param byPortfolio ORG and COMMUNITY count co-owned recommendations on both sides, as ICANN does;
     *                    CO_OWNED counts those alone
     */
    public record ProgressReport(Instant asOf, long total, Map<RecommendationStatus, Long> byStatus,
            Map<PublicStatus, Long> byPublicStatus, List<TopicCounts> byTopic, Map<String, Counts> byPortfolio,
            List<Waiting> waiting, List<Flag> coordination) {
    }

    /**
     * How a group's own assignments stand: by triage state, by priority (approved or draft), by progress. Those
     * it handed down to child groups are the children's, counted there; {@code handedDown} says how many.
     */
    public record StageCounts(int assignments, int triaged, int signOffRequested, int changesRequested, int signedOff,
            int prioritiesApproved, int prioritiesDraft, int notStarted, int inProgress, int implemented,
            int notApplicable, int handedDown) {

        /** The counts of {@code all} but those handed down, which only {@code handedDown} counts. */
        static StageCounts of(Collection<? extends AssignmentState> all) {
            List<? extends AssignmentState> assignments = GroupStageRule.own(all);
            int handedDown = all.size() - assignments.size();
            Map<TriageState, Integer> triage = tally(assignments, AssignmentState::triage, TriageState.class);
            Map<Progress, Integer> progress = tally(assignments, AssignmentState::progress, Progress.class);
            // a draft's values are not on the public topic (docs/visibility.md): the flag says there is one
            int drafts = (int) assignments.stream().filter(AssignmentState::priorityDraft).count();
            int approved = (int) assignments.stream().filter(a -> !a.priorityDraft() && a.priority() != null).count();
            return new StageCounts(assignments.size(), triage.get(TriageState.TRIAGED),
                    triage.get(TriageState.SIGN_OFF_REQUESTED), triage.get(TriageState.CHANGES_REQUESTED),
                    triage.get(TriageState.SIGNED_OFF), approved, drafts, progress.get(Progress.NOT_STARTED),
                    progress.get(Progress.IN_PROGRESS), progress.get(Progress.IMPLEMENTED),
                    progress.get(Progress.NOT_APPLICABLE), handedDown);
        }

        /** How many assignments have each value of {@code type}, every value present (zero when none). */
        private static <E extends Enum<E>> Map<E, Integer> tally(Collection<? extends AssignmentState> assignments,
                Function<AssignmentState, E> value, Class<E> type) {
            Map<E, Integer> counts = new EnumMap<>(type);
            for (E e : type.getEnumConstants()) {
                counts.put(e, 0);
            }
            assignments.forEach(a -> counts.merge(value.apply(a), 1, Integer::sum));
            return counts;
        }
    }

    /** @param stage the group's own stage; shares it handed down do not count (they are in the sentence) */
    public record GroupLine(String groupId, String name, GroupKind kind, String parent, Stage stage, String sentence,
            StageCounts counts) {
    }

    public record Groups(Instant asOf, List<GroupLine> groups) {
    }

    /**
     * One group's share of one recommendation; priority, effort and urgency only once approved.
     *
     * @param scope       whom the group judged it to be for
     * @param delegatedTo the child groups it handed it down to (their own rows carry the work)
     * @param forWhom     the cell people read: "Handed to RySG, RrSG", "Its child groups", "The community as a
     *                    whole"; empty for the group's own share
     */
    public record MatrixRow(String recommendationId, String title, String topic, String groupId, String groupName,
            GroupKind groupKind, TriageState triage, Priority priority, Effort effort, Urgency urgency,
            boolean priorityDraft, Progress progress, AssignmentScope scope, List<String> delegatedTo,
            String forWhom) {

        public MatrixRow {
            scope = scope == null ? AssignmentScope.GROUP : scope;
            delegatedTo = delegatedTo == null ? List.of() : List.copyOf(delegatedTo);
            forWhom = forWhom == null ? "" : forWhom;
        }

        /** Handed down to child groups: shown as theirs, never counted as this group's work too. */
        public boolean handedDown() {
            return scope == AssignmentScope.CHILDREN && !delegatedTo.isEmpty();
        }
    }

    public record Matrix(Instant asOf, String topic, GroupKind groupKind, List<MatrixRow> rows) {
    }

    public record SignOff(String groupId, String groupName, String recommendationId, String title) {
    }

    public record Changes(Instant from, Instant to, List<RecommendationRef> newlyComplete,
            List<RecommendationRef> newlyStarted, List<SignOff> signOffs, List<Flag> flagsRaised,
            List<Engagement> engagementsHeld) {
    }

    public record Position(String groupId, String groupName, TriageState triage, Priority priority, Progress progress) {
    }

    public record Flagged(String id, String title, String topic, CoordinationLevel level, String rationale,
            List<Position> positions) {
    }

    /** A recommendation not flagged whose groups' approved priorities diverge. */
    public record Suggestion(String id, String title, String topic, CoordinationLevel suggestedLevel, String reason,
            List<Position> positions) {
    }

    public record Coordination(Instant asOf, List<Flagged> flagged, List<Suggestion> suggestions) {
    }

    /** One line of the deck's "SO/AC work": one group, or several of a kind at the same stage. */
    public record SoacLine(String who, List<String> groupIds, Stage stage, String sentence) {
    }

    /**
     * @param planningTargets target quarter of the recommendations in planning ("no target" when none)
     */
    public record OrgFocus(List<String> functions, long notStarted, long planning, long underway, long documenting,
            long complete, Map<String, Long> planningTargets) {
    }

    public record EngagementLink(String engagement, LocalDate heldOn, String title, String url) {
    }

    public record Quarterly(String quarter, String label, LocalDate firstDay, LocalDate lastDay, Instant asOf,
            List<SoacLine> soacWork, List<Flag> coordinationRequired, List<Flag> coordinationWouldBenefit,
            List<Suggestion> coordinationSuggestions, OrgFocus orgFocus, List<Engagement> engagements,
            List<EngagementLink> links, List<RecommendationRef> newlyComplete, List<EvidenceLink> evidence,
            List<MatrixRow> matrix, int matrixTotal) {

        /** The first {@code rows} of the matrix (all of it for the CSV, whose rows it is). */
        public Quarterly withMatrixCutTo(int rows) {
            return matrix.size() <= rows ? this : new Quarterly(quarter, label, firstDay, lastDay, asOf, soacWork,
                    coordinationRequired, coordinationWouldBenefit, coordinationSuggestions, orgFocus, engagements,
                    links, newlyComplete, evidence, matrix.subList(0, rows), matrixTotal);
        }
    }
}
