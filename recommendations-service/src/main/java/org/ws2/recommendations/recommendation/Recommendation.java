package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.service.changes.Versioned;

/**
 * One recommendation of WS2 or of another programme (its id says which: {@link Programmes}): the aggregate every change in this service goes through. Each change
 * returns a new value one version on, which is stored, kept in the history and announced.
 *
 * @param topic        the topic's name, e.g. {@code Diversity}
 * @param coordination whether SO/AC leadership is asked to coordinate it, why, and who said so
 * @param dependsOn    ids of the recommendations that must be implemented before this one goes
 *                     past planning
 * @param retirement   null while the recommendation is in the catalogue
 */
public record Recommendation(
        String id,
        String topicPrefix,
        String topic,
        RecommendationDetails details,
        String source,
        String verification,
        RecommendationStatus status,
        CoordinationFlag coordination,
        List<String> dependsOn,
        int evidenceCount,
        Retirement retirement,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Versioned {

    public record CoordinationFlag(CoordinationLevel level, String rationale, String setBy, Instant setAt) {

        public static final CoordinationFlag NONE = new CoordinationFlag(CoordinationLevel.NONE, null, null, null);
    }

    public record Retirement(String reason, String by, Instant at) {
    }

    /** The programme it belongs to: WS2, or the code its id starts with ({@code ATRT3-1.1}). */
    public String programme() {
        return Programmes.of(id);
    }

    /** Its number in its programme: the id for WS2's, the id after the programme's code otherwise. */
    public String number() {
        return Programmes.number(id);
    }

    public boolean retired() {
        return retirement != null;
    }

    public Recommendation withDetails(RecommendationDetails newDetails, Instant at) {
        return new Recommendation(id, topicPrefix, topic, newDetails, source, verification, status, coordination,
                dependsOn, evidenceCount, retirement, version + 1, createdAt, at);
    }

    public Recommendation withStatus(RecommendationStatus newStatus, Instant at) {
        return new Recommendation(id, topicPrefix, topic, details, source, verification, newStatus, coordination,
                dependsOn, evidenceCount, retirement, version + 1, createdAt, at);
    }

    public Recommendation withCoordination(CoordinationFlag flag, Instant at) {
        return new Recommendation(id, topicPrefix, topic, details, source, verification, status, flag, dependsOn,
                evidenceCount, retirement, version + 1, createdAt, at);
    }

    public Recommendation withDependsOn(List<String> newDependsOn, Instant at) {
        return new Recommendation(id, topicPrefix, topic, details, source, verification, status, coordination,
                List.copyOf(newDependsOn), evidenceCount, retirement, version + 1, createdAt, at);
    }

    public Recommendation withEvidenceCount(int count, Instant at) {
        return new Recommendation(id, topicPrefix, topic, details, source, verification, status, coordination,
                dependsOn, count, retirement, version + 1, createdAt, at);
    }

    public Recommendation retire(Retirement newRetirement) {
        return new Recommendation(id, topicPrefix, topic, details, source, verification, status, coordination,
                dependsOn, evidenceCount, newRetirement, version + 1, createdAt, newRetirement.at());
    }

    /** The state events carry. */
    public RecommendationSnapshot snapshot() {
        return new RecommendationSnapshot(id, topicPrefix, topic, details.title(), details.summary(),
                details.ownership(), details.sharedWith(), details.implementers(), details.targetQuarter(),
                details.tags(), source, verification, status, coordination.level(), coordination.rationale(),
                dependsOn, evidenceCount, retired(), retired() ? retirement.reason() : null, version, createdAt,
                updatedAt, programme());
    }

    /**
     * A recommendation as its history keeps it (the public snapshot). Who set a coordination flag or
     * retired it is not public, so a past state read back from history does not say.
     */
    static Recommendation fromSnapshot(RecommendationSnapshot s) {
        Instant createdAt = s.createdAt() != null ? s.createdAt() : s.updatedAt();
        return new Recommendation(s.id(), s.topicPrefix(), s.topic(),
                new RecommendationDetails(s.title(), s.summary(), s.ownership(), nullToEmpty(s.sharedWith()),
                        nullToEmpty(s.implementers()), s.targetQuarter(), nullToEmpty(s.tags())),
                s.source(), s.verification(), s.status(),
                new CoordinationFlag(s.coordination() == null ? CoordinationLevel.NONE : s.coordination(),
                        s.coordinationRationale(), null, null),
                nullToEmpty(s.dependsOn()), s.evidenceCount(),
                s.retired() ? new Retirement(s.retiredReason(), null, s.updatedAt()) : null, s.version(), createdAt,
                s.updatedAt());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
